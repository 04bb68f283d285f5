namespace AllianceTracker.Web.Domain;

/// <summary>
/// A frozen, citable picture: the full export document as of a date, with the SHA-256 of its
/// canonical form. Never changed after creation (the database refuses UPDATE and DELETE).
/// </summary>
public sealed class Snapshot
{
    /// <summary>Short, URL-safe, random: the permalink is /snapshots/{Id}.</summary>
    public required string Id { get; init; }

    public required string Title { get; init; }

    public string? Note { get; init; }

    public required DateOnly AsOf { get; init; }

    public required DateTime CreatedAtUtc { get; init; }

    public required string CreatedBy { get; init; }

    /// <summary>The canonical JSON of the export document (format v1).</summary>
    public required string Content { get; init; }

    public required string Sha256 { get; init; }

    /// <summary>
    /// The day, when this is that day's scheduled snapshot; null for an editor's. Unique, so that
    /// however many instances of a cluster are due at once, a day has one.
    /// </summary>
    public DateOnly? DailyOf { get; init; }
}
