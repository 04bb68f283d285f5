namespace AllianceTracker.Web.Domain;

/// <summary>A proposal before a summit on which every member takes a stance.</summary>
public sealed class Proposal
{
    public int Id { get; init; }

    public required string Slug { get; init; }

    public required string Title { get; set; }

    public required string Description { get; set; }

    public int SummitId { get; init; }

    public Summit? Summit { get; init; }

    /// <summary>Who put the proposal forward, e.g. "NATO Secretary-General Jens Stoltenberg".</summary>
    public required string Proposer { get; set; }

    /// <summary>When the proposal was put forward; null when no source gives the date. Views of earlier dates do not show it.</summary>
    public DateOnly? TabledOn { get; init; }

    /// <summary>True when the tabling date is inferred rather than stated by a source.</summary>
    public bool TabledOnIsApproximate { get; init; }

    /// <summary>
    /// Moves with every change of the proposal's texts or decisions. A write that names the version
    /// it read is refused once another has moved it on (409), as a stance is; the API's ETag.
    /// </summary>
    public Guid Version { get; set; }
}

/// <summary>
/// One version of a proposal's texts, append-only. The first is the text as tabled; each later one
/// corrects it for every date (<see cref="InForceFrom"/> null) or records a change from a date.
/// The text in force on a date is the latest revision in force by then; the <see cref="Proposal"/>
/// row holds the one in force today, for lists and links.
/// </summary>
public sealed class ProposalRevision
{
    public long Id { get; init; }

    public int ProposalId { get; init; }

    public Proposal? Proposal { get; init; }

    public required string Title { get; init; }

    public required string Description { get; init; }

    public required string Proposer { get; init; }

    public DateOnly? InForceFrom { get; init; }

    public string? Note { get; init; }

    public required DateTime RecordedAtUtc { get; init; }

    public required string RecordedBy { get; init; }

    /// <summary>
    /// The revision in force on <paramref name="date"/> among <paramref name="revisions"/> of one
    /// proposal (null if none is): the latest in force by then, and of those the last recorded (a
    /// revision not saved yet, id 0, is the last).
    /// </summary>
    public static ProposalRevision? InForceOn(IEnumerable<ProposalRevision> revisions, DateOnly date) =>
        revisions
            .Where(r => r.InForceFrom is null || r.InForceFrom <= date)
            .OrderByDescending(r => r.InForceFrom ?? DateOnly.MinValue).ThenByDescending(r => r.RecordedAtUtc).ThenByDescending(r => r.Id == 0 ? long.MaxValue : r.Id)
            .FirstOrDefault();
}

/// <summary>
/// What a summit decided about a proposal. <see cref="Pending"/> is "no decision on record" (the
/// exports' value for an undecided proposal); the others are decisions, recorded as entries.
/// </summary>
public enum ProposalOutcome
{
    Pending,
    Adopted,

    /// <summary>Adopted in a changed form; the note says how.</summary>
    AdoptedAmended,
    Dropped,

    /// <summary>Put off to a later date or summit.</summary>
    Deferred,

    /// <summary>Superseded by another proposal, named by the decision.</summary>
    Replaced,
}

/// <summary>The published codes of <see cref="ProposalOutcome"/> (docs/domain.md).</summary>
public static class ProposalOutcomeCodes
{
    public static CodeMap<ProposalOutcome> Map { get; } = new(
        (ProposalOutcome.Pending, "pending"),
        (ProposalOutcome.Adopted, "adopted"),
        (ProposalOutcome.AdoptedAmended, "adopted-amended"),
        (ProposalOutcome.Dropped, "dropped"),
        (ProposalOutcome.Deferred, "deferred"),
        (ProposalOutcome.Replaced, "replaced"));

    /// <summary>The codes a decision can record (everything but "pending").</summary>
    public static IReadOnlyList<string> DecisionCodes { get; } = Map.Codes.Where(c => c != "pending").ToList();

    public static string ToCode(this ProposalOutcome outcome) => Map.ToCode(outcome);

    /// <summary>How pages say it: "Adopted", "Adopted in a changed form", …</summary>
    public static string ToLabel(this ProposalOutcome outcome) => outcome switch
    {
        ProposalOutcome.Pending => "Pending",
        ProposalOutcome.Adopted => "Adopted",
        ProposalOutcome.AdoptedAmended => "Adopted in a changed form",
        ProposalOutcome.Dropped => "Dropped",
        ProposalOutcome.Deferred => "Deferred",
        ProposalOutcome.Replaced => "Replaced",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    /// <summary>The past participle for sentences: "proposal dropped on 10 July 2024".</summary>
    public static string ToVerb(this ProposalOutcome outcome) => outcome switch
    {
        ProposalOutcome.AdoptedAmended => "adopted in a changed form",
        _ => outcome.ToLabel().ToLowerInvariant(),
    };
}

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
