namespace AllianceTracker.Web.Domain;

/// <summary>A proposal before a summit on which every member takes a stance.</summary>
public sealed class Proposal
{
    public int Id { get; init; }

    public required string Slug { get; init; }

    public required string Title { get; init; }

    public required string Description { get; init; }

    public int SummitId { get; init; }

    public Summit? Summit { get; init; }

    /// <summary>Who put the proposal forward, e.g. "NATO Secretary-General Jens Stoltenberg".</summary>
    public required string Proposer { get; init; }

    public required DateOnly TabledOn { get; init; }

    /// <summary>True when the tabling date is inferred rather than stated by a source.</summary>
    public bool TabledOnIsApproximate { get; init; }
}
