namespace AllianceTracker.Web.Domain;

/// <summary>The published codes of <see cref="ConsensusStatus"/> (docs/domain.md).</summary>
public static class ConsensusStatusCodes
{
    public static CodeMap<ConsensusStatus> Map { get; } = new(
        (ConsensusStatus.Blocked, "blocked"),
        (ConsensusStatus.Open, "open"),
        (ConsensusStatus.Consensus, "consensus"));

    public static string ToCode(this ConsensusStatus status) => Map.ToCode(status);
}
