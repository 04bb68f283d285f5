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

    [Fact]
    public void An_ally_named_about_a_proposal_without_stance_wording_is_pointed_at_not_guessed()
    {
        const string text = "Germany backs the Ukraine fund. The Biden administration has taken the same view on the Ukraine fund, "
            + "and Warsaw's position on the fund remains a subject of speculation.";

        var reading = NewsReader.Read(text, Proposals, new DateOnly(2024, 6, 20));

        // Only what the words say is suggested; the others are pointers, each with its own words, verbatim.
        Assert.Equal(["DEU"], reading.Stances.Select(s => s.Member));
        Assert.Equal(["POL", "USA"], reading.Unread.Select(u => u.Member).Order(StringComparer.Ordinal));
        Assert.All(reading.Unread, u =>
        {
            Assert.Equal("ukraine-fund", u.Proposal);
            Assert.Equal(1, u.Sentence);
            Assert.Contains(u.Excerpt, text, StringComparison.Ordinal);
            Assert.InRange(NewsText.WordCount(u.Excerpt), 1, NewsReader.MaxExcerptWords);
        });
        Assert.Equal("Warsaw", reading.Unread.Single(u => u.Member == "POL").NamedAs);
    }

    [Fact]
    public void An_ally_with_a_suggestion_or_named_away_from_any_proposal_is_not_pointed_at()
    {
        const string text = "Hungary's foreign minister spoke to reporters in Budapest. Hungary has questions about the Ukraine fund. "
            + "Later, Hungary said it rejects the Ukraine fund. In Riga, where the Bucharest Nine met, the Ukraine fund was discussed.";

        var reading = NewsReader.Read(text, Proposals);

        // Hungary's stance was read in the end; the Bucharest Nine were a place, not allies speaking.
        Assert.Equal(("HUN", Stance.Opposes), Assert.Single(reading.Stances, s => s.Member == "HUN") is var h ? (h.Member, h.Stance) : default);
        Assert.Empty(reading.Unread);
    }
}
