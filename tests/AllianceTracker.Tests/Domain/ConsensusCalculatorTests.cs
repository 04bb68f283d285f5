using AllianceTracker.Web.Domain;

namespace AllianceTracker.Tests.Domain;

public class ConsensusCalculatorTests
{
    private static readonly string[] Members =
    [
        "ALB", "BEL", "BGR", "CAN", "HRV", "CZE", "DNK", "EST", "FIN", "FRA", "DEU", "GRC", "HUN", "ISL", "ITA", "LVA",
        "LTU", "LUX", "MNE", "NLD", "MKD", "NOR", "POL", "PRT", "ROU", "SVK", "SVN", "ESP", "SWE", "TUR", "GBR", "USA",
    ];

    private static List<MemberPosition> AllMembers(Stance stance) => Members.Select(m => new MemberPosition(m, stance)).ToList();

    private static List<MemberPosition> With(List<MemberPosition> positions, string member, Stance stance, string? conditions = null) =>
        positions.Select(p => p.MemberAlpha3 == member ? new MemberPosition(member, stance, conditions) : p).ToList();

    [Fact]
    public void One_objection_among_31_supporters_blocks()
    {
        var positions = With(AllMembers(Stance.Supports), "HUN", Stance.Opposes);

        var result = ConsensusCalculator.Evaluate(positions);

        Assert.Equal(ConsensusStatus.Blocked, result.Status);
        Assert.Equal(["HUN"], result.Blockers);
        Assert.Equal(31, result.Counts[Stance.Supports]);
        Assert.Equal(1, result.Counts[Stance.Opposes]);
        Assert.Empty(result.StillOpen);
    }

    [Fact]
    public void All_32_supporting_is_consensus()
    {
        var result = ConsensusCalculator.Evaluate(AllMembers(Stance.Supports));

        Assert.Equal(ConsensusStatus.Consensus, result.Status);
        Assert.Empty(result.Blockers);
        Assert.Empty(result.StillOpen);
    }

    [Fact]
    public void All_32_opting_out_is_still_consensus_because_nobody_objects()
    {
        var result = ConsensusCalculator.Evaluate(AllMembers(Stance.OptsOut));

        Assert.Equal(ConsensusStatus.Consensus, result.Status);
        Assert.Equal(32, result.Counts[Stance.OptsOut]);
    }

    [Fact]
    public void Supports_conditional_and_opts_out_together_reach_consensus()
    {
        var positions = With(With(AllMembers(Stance.Supports), "ESP", Stance.Conditional, "No duplication of EU aid"), "TUR", Stance.OptsOut);

        var result = ConsensusCalculator.Evaluate(positions);

        Assert.Equal(ConsensusStatus.Consensus, result.Status);
        Assert.Equal([new OutstandingCondition("ESP", "No duplication of EU aid")], result.OutstandingConditions);
    }

    [Fact]
    public void All_32_unknown_is_open_with_every_member_still_open()
    {
        var result = ConsensusCalculator.Evaluate(AllMembers(Stance.Unknown));

        Assert.Equal(ConsensusStatus.Open, result.Status);
        Assert.Equal(32, result.StillOpen.Count);
        Assert.Empty(result.Blockers);
    }

    [Fact]
    public void A_single_undecided_member_keeps_the_proposal_open()
    {
        var positions = With(AllMembers(Stance.Supports), "SVK", Stance.Undecided);

        var result = ConsensusCalculator.Evaluate(positions);

        Assert.Equal(ConsensusStatus.Open, result.Status);
        Assert.Equal(["SVK"], result.StillOpen);
    }

    [Fact]
    public void Members_opting_out_are_named_and_do_not_block()
    {
        var positions = With(With(AllMembers(Stance.Supports), "HUN", Stance.OptsOut), "SVK", Stance.OptsOut);

        var result = ConsensusCalculator.Evaluate(positions);

        Assert.Equal(ConsensusStatus.Consensus, result.Status);
        Assert.Equal(["HUN", "SVK"], result.OptingOut);
    }

    [Fact]
    public void An_objection_blocks_even_while_others_are_still_open()
    {
        var positions = With(With(AllMembers(Stance.Unknown), "USA", Stance.Opposes), "DEU", Stance.Opposes);

        var result = ConsensusCalculator.Evaluate(positions);

        Assert.Equal(ConsensusStatus.Blocked, result.Status);
        Assert.Equal(["DEU", "USA"], result.Blockers);
        Assert.Equal(30, result.StillOpen.Count);
    }

    [Fact]
    public void Conditions_are_collected_from_every_conditional_member_in_code_order()
    {
        var positions = With(
            With(AllMembers(Stance.Unknown), "ITA", Stance.Conditional, "Clarity on financing"),
            "ESP", Stance.Conditional, "No duplication of EU aid");

        var result = ConsensusCalculator.Evaluate(positions);

        Assert.Equal(
            [new OutstandingCondition("ESP", "No duplication of EU aid"), new OutstandingCondition("ITA", "Clarity on financing")],
            result.OutstandingConditions);
        Assert.Equal(2, result.Counts[Stance.Conditional]);
    }

    [Fact]
    public void Counts_cover_every_stance_and_add_up_to_the_members()
    {
        var positions = With(With(With(AllMembers(Stance.Unknown), "HUN", Stance.Opposes), "SVK", Stance.Undecided), "POL", Stance.Supports);

        var result = ConsensusCalculator.Evaluate(positions);

        Assert.Equal(StanceVocabulary.All.Count, result.Counts.Count);
        Assert.Equal(32, result.Counts.Values.Sum());
        Assert.Equal(29, result.Counts[Stance.Unknown]);
    }

    [Fact]
    public void Two_positions_for_one_member_are_refused()
    {
        var positions = AllMembers(Stance.Supports);
        positions.Add(new MemberPosition("HUN", Stance.Opposes));

        var error = Assert.Throws<ArgumentException>(() => ConsensusCalculator.Evaluate(positions));
        Assert.Contains("HUN", error.Message);
    }
}
