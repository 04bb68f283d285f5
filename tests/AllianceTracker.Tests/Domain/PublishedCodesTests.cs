using AllianceTracker.Web.Domain;

namespace AllianceTracker.Tests.Domain;

/// <summary>The codes the API, exports and imports publish (docs/domain.md): one mapping per enum, both ways, exact.</summary>
public sealed class PublishedCodesTests
{
    [Fact]
    public void Consensus_status_codes_are_the_published_ones_and_read_back()
    {
        Assert.Equal(["blocked", "open", "consensus"], ConsensusStatusCodes.Map.Codes);
        Assert.All(Enum.GetValues<ConsensusStatus>(), status =>
        {
            Assert.True(ConsensusStatusCodes.Map.TryParse(status.ToCode(), out var parsed));
            Assert.Equal(status, parsed);
        });
    }

    [Fact]
    public void Outcome_codes_are_the_published_ones_and_read_back()
    {
        Assert.Equal(["pending", "adopted", "adopted-amended", "dropped", "deferred", "replaced"], ProposalOutcomeCodes.Map.Codes);
        Assert.All(Enum.GetValues<ProposalOutcome>(), outcome =>
        {
            Assert.True(ProposalOutcomeCodes.Map.TryParse(outcome.ToCode(), out var parsed));
            Assert.Equal(outcome, parsed);
        });
    }

    [Fact]
    public void Source_kind_codes_are_the_published_ones_and_read_back()
    {
        Assert.Equal(["news-report", "official-statement", "declaration", "interview", "analysis"], SourceKindCodes.Map.Codes);
        Assert.All(Enum.GetValues<SourceKind>(), kind => Assert.True(SourceKindCodes.TryParse(SourceKindCodes.ToCode(kind), out var parsed) && parsed == kind));
    }

    [Theory]
    [InlineData("Adopted")]
    [InlineData(" adopted")]
    [InlineData("1")]
    [InlineData("")]
    [InlineData(null)]
    public void Only_the_exact_code_is_read(string? code) => Assert.False(ProposalOutcomeCodes.Map.TryParse(code, out _));

    [Fact]
    public void A_mapping_that_leaves_a_value_without_a_code_is_refused_when_it_is_made()
    {
        var error = Assert.Throws<ArgumentException>(() => new CodeMap<ConsensusStatus>((ConsensusStatus.Open, "open")));

        Assert.Contains("Blocked", error.Message);
    }
}
