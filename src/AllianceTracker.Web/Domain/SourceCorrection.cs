namespace AllianceTracker.Web.Domain;

/// <summary>A correction of a source's details: what they were before, why, who and when. Append-only.</summary>
public sealed class SourceCorrection
{
    public long Id { get; init; }

    public int SourceId { get; init; }

    public Source? Source { get; init; }

    /// <summary>The details before the correction, as one line ("Title · Outlet · date · kind · URL").</summary>
    public required string Before { get; init; }

    public required string Reason { get; init; }

    public required DateTime RecordedAtUtc { get; init; }

    public required string RecordedBy { get; init; }
}
