namespace AllianceTracker.Web.Domain;

public enum ConsensusStatus
{
    /// <summary>No objection, but some members are still undecided or unknown.</summary>
    Open,

    /// <summary>At least one member opposes.</summary>
    Blocked,

    /// <summary>Every member supports, supports with conditions, or steps aside.</summary>
    Consensus,
}
