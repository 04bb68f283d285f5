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

/// <summary>
/// The edit state of one member × proposal cell. Its <see cref="Version"/> changes with every
/// change or retraction in the cell, so an editor who saves on top of a version they never saw
/// is refused instead of silently overwriting (SQLite has no row version of its own).
/// </summary>
public sealed class StanceCellVersion
{
    public required string MemberAlpha3 { get; init; }

    public int ProposalId { get; init; }

    public Guid Version { get; set; }
}
