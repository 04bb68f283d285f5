using AllianceTracker.Web.Domain;
using AllianceTracker.Web.Features.NewsAssist;

namespace AllianceTracker.Tests.Features.NewsAssist;

public sealed class NewsReaderTests
{
    private static readonly IReadOnlyList<ProposalNames> Proposals = NewsEvaluationTests.SeededProposals();

    [Fact]
    public void Sentences_keep_abbreviations_inside_them()
    {
        var sentences = NewsReader.Sentences("The U.S. and Germany object. Mr. Blinken said so. Hungary agreed.");

        Assert.Equal(["The U.S. and Germany object.", "Mr. Blinken said so.", "Hungary agreed."], sentences);
    }

    [Fact]
    public void The_excerpt_is_the_sentence_verbatim_and_conditions_are_what_the_member_asks()
    {
        const string text = "Leaders met on Monday.   Italy backs the Ukraine fund only if contributions count towards the target.";

        var reading = Assert.Single(NewsReader.Read(text, Proposals).Stances);

        Assert.Equal("Italy backs the Ukraine fund only if contributions count towards the target.", reading.Excerpt);
        Assert.Contains(reading.Excerpt, text, StringComparison.Ordinal);
        Assert.Equal(Stance.Conditional, reading.Stance);
        Assert.Equal("Only if contributions count towards the target", reading.Conditions);
        Assert.Contains("only if", reading.Cues);
        Assert.InRange(reading.Confidence, 0.5, 1.0);
    }

    [Theory]
    [InlineData("Allies gathered in Washington to discuss the Ukraine fund.", 0)]
    [InlineData("Washington said it supports the Ukraine fund.", 1)]
    [InlineData("At the summit in Washington, leaders discussed the Ukraine fund.", 0)]
    public void Washington_is_the_government_only_when_it_acts(string text, int suggestions)
    {
        Assert.Equal(suggestions, NewsReader.Read(text, Proposals).Stances.Count);
    }

    [Fact]
    public void A_member_named_without_a_stance_gets_no_suggestion()
    {
        Assert.Empty(NewsReader.Read("France, Belgium and Croatia attended the talks on the Ukraine fund.", Proposals).Stances);
    }

    [Fact]
    public void A_reported_decision_is_suggested_as_an_outcome()
    {
        var outcome = Assert.Single(NewsReader.Read("The Ukraine fund was formally adopted by leaders on Wednesday.", Proposals).Outcomes);

        Assert.Equal(("ukraine-fund", "adopted"), (outcome.Proposal, outcome.Outcome));
    }
}
