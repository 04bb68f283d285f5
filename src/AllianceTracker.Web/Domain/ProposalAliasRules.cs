namespace AllianceTracker.Web.Domain;

public static class ProposalAliasRules
{
    public const int MaxPhraseLength = 80;

    /// <summary>What is wrong with <paramref name="phrase"/> as a new alias beside <paramref name="current"/> (the proposal's title and its aliases), or null.</summary>
    public static string? Check(string? phrase, IEnumerable<string> current)
    {
        var clean = TextPolicy.Clean(phrase) ?? "";
        if (clean.Length < 3)
        {
            return "Give a phrase of at least 3 characters, as news texts write it, e.g. \"Ramstein\".";
        }

        if (clean.Length > MaxPhraseLength)
        {
            return $"It has {clean.Length} characters; an alias is a short phrase of at most {MaxPhraseLength}.";
        }

        if (TextPolicy.Check(clean, TextPolicy.Title) is { } problem)
        {
            return problem;
        }

        if (!clean.Any(char.IsLetterOrDigit))
        {
            return "An alias needs letters or digits.";
        }

        return current.Any(c => string.Equals(c.Trim(), clean, StringComparison.OrdinalIgnoreCase))
            ? $"\"{clean}\" already names this proposal."
            : null;
    }
}
