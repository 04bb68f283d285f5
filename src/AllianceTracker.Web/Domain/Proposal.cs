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

    public required DateOnly TabledOn { get; init; }

    /// <summary>True when the tabling date is inferred rather than stated by a source.</summary>
    public bool TabledOnIsApproximate { get; init; }
}

public enum ProposalOutcome
{
    Pending,
    Adopted,
    Dropped,
}

/// <summary>The published codes of <see cref="ProposalOutcome"/> (docs/domain.md).</summary>
public static class ProposalOutcomeCodes
{
    public static CodeMap<ProposalOutcome> Map { get; } = new(
        (ProposalOutcome.Pending, "pending"),
        (ProposalOutcome.Adopted, "adopted"),
        (ProposalOutcome.Dropped, "dropped"));

    public static string ToCode(this ProposalOutcome outcome) => Map.ToCode(outcome);
}

/// <summary>
/// A recorded outcome of a proposal (adopted at the summit, dropped, or back to pending), with the
/// source that reports it. Kept as a history like the stances: the latest record is the outcome.
/// </summary>
public sealed class ProposalOutcomeRecord
{
    public long Id { get; init; }

    public int ProposalId { get; init; }

    public Proposal? Proposal { get; init; }

    public required ProposalOutcome Outcome { get; init; }

    public required DateOnly DecidedOn { get; init; }

    public int SourceId { get; init; }

    public Source? Source { get; init; }

    public required DateTime RecordedAtUtc { get; init; }

    public required string RecordedBy { get; init; }
}
