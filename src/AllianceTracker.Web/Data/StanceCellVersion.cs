namespace AllianceTracker.Web.Data;

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
