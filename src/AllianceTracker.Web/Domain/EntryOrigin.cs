namespace AllianceTracker.Web.Domain;

/// <summary>
/// Which way an entry came into the history: the audit trail says so, so a reviewer can tell an
/// editor's own reading from a bulk import or an accepted news-assist suggestion. Entries recorded
/// before the origin was kept have none (null), rather than a guess.
/// </summary>
public enum EntryOrigin
{
    /// <summary>An editor's save in the stance dialog or through the write API.</summary>
    Editor,

    /// <summary>The seed dataset, at start-up or by the CLI.</summary>
    Seed,

    /// <summary>A dataset an editor imported.</summary>
    Import,

    /// <summary>A suggestion of the news assist, reviewed and accepted by an editor.</summary>
    NewsAssist,
}

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
