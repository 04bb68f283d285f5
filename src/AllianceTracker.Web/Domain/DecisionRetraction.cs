namespace AllianceTracker.Web.Domain;

/// <summary>Marks a decision entry as wrong; pictures skip it from then on, the audit trail keeps both.</summary>
public sealed class DecisionRetraction
{
    public long Id { get; init; }

    public long DecisionId { get; init; }

    public SummitDecision? Decision { get; init; }

    public required string Reason { get; init; }

    public required DateTime RecordedAtUtc { get; init; }

    public required string RecordedBy { get; init; }
}
