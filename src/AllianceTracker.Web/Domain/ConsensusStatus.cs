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

/// <summary>The published codes of <see cref="ConsensusStatus"/> (docs/domain.md).</summary>
public static class ConsensusStatusCodes
{
    public static CodeMap<ConsensusStatus> Map { get; } = new(
        (ConsensusStatus.Blocked, "blocked"),
        (ConsensusStatus.Open, "open"),
        (ConsensusStatus.Consensus, "consensus"));

    public static string ToCode(this ConsensusStatus status) => Map.ToCode(status);
}
