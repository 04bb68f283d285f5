namespace AllianceTracker.Web.Features.Positions;

/// <summary>A summit: where and when.</summary>
public sealed record SummitSummary(string Slug, string Name, string City, DateOnly StartsOn, DateOnly EndsOn)
{
    /// <summary>"9–11 July 2024" (or across months, "30 June – 2 July 2025").</summary>
    public string Dates => StartsOn.Month == EndsOn.Month && StartsOn.Year == EndsOn.Year
        ? $"{StartsOn.Day}–{EndsOn:d MMMM yyyy}"
        : $"{StartsOn:d MMMM} – {EndsOn:d MMMM yyyy}";
}
