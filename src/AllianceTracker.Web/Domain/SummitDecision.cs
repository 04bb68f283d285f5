namespace AllianceTracker.Web.Domain;

/// <summary>
/// A decision on a proposal (adopted, dropped, …), recorded like a stance: an append-only entry
/// with its decision date, a note and the evidence that reports it. From <see cref="DecidedOn"/>
/// on, the latest unretracted decision is the proposal's status instead of the computed consensus.
/// A wrong entry is corrected by a <see cref="DecisionRetraction"/>, never by editing it.
/// </summary>
public sealed class SummitDecision
{
    public long Id { get; init; }

    public int ProposalId { get; init; }

    public Proposal? Proposal { get; init; }

    public required ProposalOutcome Outcome { get; init; }

    public required DateOnly DecidedOn { get; init; }

    /// <summary>Why or how, in the editor's words (at most <see cref="DecisionRules.MaxNoteLength"/> characters).</summary>
    public string? Note { get; init; }

    /// <summary>For <see cref="ProposalOutcome.Replaced"/>: the proposal that replaces this one.</summary>
    public int? ReplacedByProposalId { get; init; }

    /// <summary>
    /// The first evidence item's source. Entries recorded before decisions had evidence lists cited
    /// one source and nothing else; the column stays so those rows read as they were.
    /// </summary>
    public int SourceId { get; init; }

    public Source? Source { get; init; }

    public List<DecisionEvidence> Evidence { get; init; } = [];

    public required DateTime RecordedAtUtc { get; init; }

    public required string RecordedBy { get; init; }
}
