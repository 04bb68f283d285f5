namespace AllianceTracker.Web.Domain;

/// <summary>
/// A correction: marks an earlier <see cref="StanceChange"/> as retracted. Like the changes it is
/// append-only; the retracted entry stays in the history and the audit trail, but current and
/// as-of pictures skip it.
/// </summary>
public sealed class StanceRetraction
{
    public long Id { get; init; }

    public long StanceChangeId { get; init; }

    public StanceChange? StanceChange { get; init; }

    public required string Reason { get; init; }

    public required DateTime RecordedAtUtc { get; init; }

    public required string RecordedBy { get; init; }
}
