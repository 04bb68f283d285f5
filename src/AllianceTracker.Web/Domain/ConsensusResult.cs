namespace AllianceTracker.Web.Domain;

public sealed record ConsensusResult(
    ConsensusStatus Status,
    IReadOnlyDictionary<Stance, int> Counts,
    IReadOnlyList<string> Blockers,
    IReadOnlyList<string> StillOpen,
    IReadOnlyList<OutstandingCondition> OutstandingConditions)
{
    /// <summary>The members that step aside: they neither take part nor block (the day's story is often who they are).</summary>
    public IReadOnlyList<string> OptingOut { get; init; } = [];
}
