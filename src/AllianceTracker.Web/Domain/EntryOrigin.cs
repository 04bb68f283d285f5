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
