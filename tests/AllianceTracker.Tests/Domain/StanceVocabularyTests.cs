using AllianceTracker.Web.Domain;

namespace AllianceTracker.Tests.Domain;

public class StanceVocabularyTests
{
    [Fact]
    public void The_codes_are_exactly_the_published_vocabulary_in_order() =>
        Assert.Equal(
            ["supports", "conditional", "undecided", "unknown", "opts-out", "opposes"],
            StanceVocabulary.All.Select(d => d.Code));

    [Fact]
    public void Only_opposes_blocks_consensus() =>
        Assert.Equal([Stance.Opposes], StanceVocabulary.All.Where(d => d.Weight == ConsensusWeight.Blocks).Select(d => d.Stance));

    [Fact]
    public void Undecided_and_unknown_leave_a_proposal_open() =>
        Assert.Equal([Stance.Undecided, Stance.Unknown], StanceVocabulary.All.Where(d => d.Weight == ConsensusWeight.Pending).Select(d => d.Stance));

    [Theory]
    [InlineData("opts-out", Stance.OptsOut)]
    [InlineData("conditional", Stance.Conditional)]
    public void Codes_parse_back_to_their_stance(string code, Stance expected)
    {
        Assert.True(StanceVocabulary.TryParse(code, out var stance));
        Assert.Equal(expected, stance);
        Assert.Equal(code, stance.ToCode());
    }

    [Theory]
    [InlineData("Opposes")]
    [InlineData("opts_out")]
    [InlineData("blocks")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_but_an_exact_code_is_refused(string? code) => Assert.False(StanceVocabulary.TryParse(code, out _));
}
