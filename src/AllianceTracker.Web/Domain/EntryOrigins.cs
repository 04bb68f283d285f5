namespace AllianceTracker.Web.Domain;

public static class EntryOrigins
{
    // Code (stored and public) and how the audit trail names it, in one place.
    private static readonly Dictionary<EntryOrigin, (string Code, string Label)> Names = new()
    {
        [EntryOrigin.Editor] = ("editor", "editor"),
        [EntryOrigin.Seed] = ("seed", "seed dataset"),
        [EntryOrigin.Import] = ("import", "dataset import"),
        [EntryOrigin.NewsAssist] = ("news-assist", "news assist"),
    };

    /// <summary>The stored and public code: <c>editor</c>, <c>seed</c>, <c>import</c>, <c>news-assist</c>.</summary>
    public static string ToCode(this EntryOrigin origin) => Names[origin].Code;

    /// <summary>How the audit trail names it: "via the news assist".</summary>
    public static string ToLabel(this EntryOrigin origin) => Names[origin].Label;

    public static EntryOrigin Parse(string code) =>
        Names.FirstOrDefault(n => n.Value.Code == code) is { Value.Code: not null } found
            ? found.Key
            : throw new InvalidOperationException($"The database holds an unknown entry origin '{code}'.");
}
