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
