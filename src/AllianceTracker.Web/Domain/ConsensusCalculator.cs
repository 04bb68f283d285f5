namespace AllianceTracker.Web.Domain;

/// <summary>
/// NATO's consensus rule (docs/domain.md): one objection blocks; consensus needs every member
/// to support, support with conditions, or opt out; anything else is still open.
/// </summary>
public static class ConsensusCalculator
{
    public static ConsensusResult Evaluate(IEnumerable<MemberPosition> positions)
    {
        var list = positions.ToList();

        var duplicate = list.GroupBy(p => p.MemberAlpha3).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Member {duplicate.Key} has more than one position.", nameof(positions));
        }

        var counts = StanceVocabulary.All.ToDictionary(d => d.Stance, d => list.Count(p => p.Stance == d.Stance));

        var blockers = MembersWeighing(list, ConsensusWeight.Blocks);
        var stillOpen = MembersWeighing(list, ConsensusWeight.Pending);
        var conditions = list
            .Where(p => p.Stance == Stance.Conditional && !string.IsNullOrWhiteSpace(p.Conditions))
            .OrderBy(p => p.MemberAlpha3, StringComparer.Ordinal)
            .Select(p => new OutstandingCondition(p.MemberAlpha3, p.Conditions!))
            .ToList();

        var status = blockers.Count > 0 ? ConsensusStatus.Blocked
            : stillOpen.Count > 0 || list.Count == 0 ? ConsensusStatus.Open
            : ConsensusStatus.Consensus;

        var optingOut = list.Where(p => p.Stance == Stance.OptsOut).Select(p => p.MemberAlpha3).OrderBy(code => code, StringComparer.Ordinal).ToList();
        return new ConsensusResult(status, counts, blockers, stillOpen, conditions) { OptingOut = optingOut };
    }

    private static List<string> MembersWeighing(List<MemberPosition> positions, ConsensusWeight weight) =>
        positions
            .Where(p => p.Stance.Describe().Weight == weight)
            .Select(p => p.MemberAlpha3)
            .OrderBy(code => code, StringComparer.Ordinal)
            .ToList();
}
