namespace AllianceTracker.Web.Domain;

/// <summary>A summit as an editor, a seed file or a dataset gives it, before it is checked.</summary>
public sealed record SummitInput(string Slug, string Name, string City, DateOnly StartsOn, DateOnly EndsOn)
{
    public Summit ToSummit() => new() { Slug = Slug, Name = Name.Trim(), City = City.Trim(), StartsOn = StartsOn, EndsOn = EndsOn };
}
