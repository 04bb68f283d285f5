namespace AllianceTracker.Web.Domain;

/// <summary>A verbatim excerpt from a source that reports a decision.</summary>
public sealed class DecisionEvidence
{
    public long Id { get; init; }

    public long DecisionId { get; init; }

    public int SourceId { get; init; }

    public Source? Source { get; init; }

    /// <summary>Empty only for decisions recorded before excerpts were asked for.</summary>
    public required string Excerpt { get; init; }
}
