namespace AllianceTracker.Web.Domain;

/// <summary>How a stance weighs on consensus, as defined in docs/domain.md.</summary>
public enum ConsensusWeight
{
    /// <summary>Does not stand in the way (supports, conditional, opts-out).</summary>
    Clears,

    /// <summary>Could still go either way (undecided, unknown).</summary>
    Pending,

    /// <summary>An objection: one is enough to block (opposes).</summary>
    Blocks,
}
