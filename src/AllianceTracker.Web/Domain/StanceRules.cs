namespace AllianceTracker.Web.Domain;

/// <summary>The rules every recorded stance obeys, whether it comes from a seed file or an editor.</summary>
public static class StanceRules
{
    public const int MaxExcerptWords = 40;

    /// <summary>Returns why the stance is not acceptable, or null when it is.</summary>
    public static string? CheckConditions(Stance stance, string? conditions) =>
        stance == Stance.Conditional && string.IsNullOrWhiteSpace(conditions)
            ? "a conditional stance must state its conditions."
            : null;

    public static string? CheckEffectiveDate(DateOnly effectiveOn, DateOnly today) =>
        effectiveOn > today ? $"effectiveOn {effectiveOn:yyyy-MM-dd} is in the future." : null;

    public static string? CheckExcerpt(string? excerpt)
    {
        if (string.IsNullOrWhiteSpace(excerpt))
        {
            return "excerpt is empty.";
        }

        var words = excerpt.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        return words > MaxExcerptWords ? $"excerpt has {words} words; quote at most {MaxExcerptWords}." : null;
    }
}
