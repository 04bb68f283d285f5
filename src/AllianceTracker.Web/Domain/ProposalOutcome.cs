namespace AllianceTracker.Web.Domain;

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
