namespace AllianceTracker.Web.Domain;

/// <summary>A short verbatim excerpt from a source that supports a stance change.</summary>
public sealed class StanceEvidence
{
    public long Id { get; init; }

    public long StanceChangeId { get; init; }

    public int SourceId { get; init; }

    public Source? Source { get; init; }

    public required string Excerpt { get; init; }
}
