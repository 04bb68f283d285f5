using AllianceTracker.Web.Domain;
using AllianceTracker.Web.Features.NewsAssist;

namespace AllianceTracker.Tests.Features.NewsAssist;

/// <summary>
/// Texts as people paste them (issue 24's robustness cases): a page's HTML on one line, typography
/// that hides a name from a plain match, other languages, one endless clause, long sentences.
/// </summary>
public sealed class NewsRobustnessTests
{
    private static readonly IReadOnlyList<ProposalNames> Proposals = NewsEvaluationTests.SeededProposals();

    [Fact]
    public void Html_pasted_on_one_line_is_read_as_paragraphs_with_its_entities_decoded()
    {
        const string html = "<article><h1>Allies split</h1><p>Hungary rejects the Ukraine fund &amp; says so again.</p><p>Poland&#8217;s government backs the Ukraine fund.</p></article>";

        var reading = NewsReader.Read(html, Proposals);

        Assert.Equal(["Allies split", "Hungary rejects the Ukraine fund & says so again.", "Poland’s government backs the Ukraine fund."], reading.Sentences);
        var hungary = Assert.Single(reading.Stances, s => s.Member == "HUN");
        Assert.Equal("Hungary rejects the Ukraine fund & says so again.", hungary.Excerpt);
        Assert.DoesNotContain("<", string.Concat(reading.Stances.Select(s => s.Excerpt)));
        Assert.True(NewsReview.IsVerbatim(hungary.Excerpt, html), "an excerpt of pasted HTML is accepted as verbatim");
    }

    [Fact]
    public void A_no_break_space_inside_a_name_and_a_curly_apostrophe_hide_nobody_and_the_excerpt_keeps_them()
    {
        const string text = "The United\u00a0States opposes an invitation to Ukraine this year. Berlin’s government rejects the membership invitation too.";

        var reading = NewsReader.Read(text, Proposals);

        var usa = Assert.Single(reading.Stances, s => s.Member == "USA");
        Assert.Equal(Stance.Opposes, usa.Stance);
        Assert.Contains("United\u00a0States", usa.Excerpt, StringComparison.Ordinal);
        Assert.Contains(reading.Stances, s => s.Member == "DEU" && s.Stance == Stance.Opposes && s.Excerpt.Contains("Berlin’s", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Ungarn lehnt den Ukraine-Fonds der NATO ab. Die Regierung in Budapest sagte, sie werde sich nicht an der Mission beteiligen, aber den Beschluss nicht blockieren.", "German")]
    [InlineData("La Hongrie s'oppose au fonds pour l'Ukraine. Le gouvernement a dit qu'il pourrait mettre son veto à condition que les autres alliés ne cèdent pas.", "French")]
    public void A_text_in_another_language_is_named_and_gives_no_suggestion(string text, string language)
    {
        var reading = NewsReader.Read(text, Proposals);

        Assert.Equal(language, reading.Language);
        Assert.Empty(reading.Stances);
        Assert.Empty(reading.Outcomes);
        var review = new NewsSuggestions(reading.Sentences, [], []) { Language = reading.Language };
        Assert.Contains($"looks like {language}", review.WhyNothing);
    }

    [Fact]
    public void English_with_foreign_names_and_quotes_is_still_english()
    {
        Assert.Null(NewsLanguage.NotEnglish("Viktor Orbán told Magyar Nemzet that Hungary would not take part in the fund; \"nem\", he said, was his answer to the Ukraine fund."));
    }

    [Fact]
    public void One_endless_clause_is_cut_into_bounded_pieces_and_every_excerpt_stays_within_forty_words()
    {
        var endless = string.Concat(Enumerable.Repeat("and Hungary rejects the Ukraine fund while allies talk about it ", 1600));

        var reading = NewsReader.Read("Diplomats said " + endless, Proposals);

        Assert.True(endless.Length > 100_000);
        Assert.All(reading.Sentences, s => Assert.InRange(s.Length, 1, 600));
        Assert.Contains(reading.Stances, s => s.Member == "HUN" && s.Stance == Stance.Opposes);
        Assert.All(reading.Stances, s => Assert.InRange(NewsText.WordCount(s.Excerpt), 1, NewsReader.MaxExcerptWords));
    }

    [Fact]
    public void A_long_sentence_is_quoted_by_its_clause_not_whole()
    {
        const string text = "At a meeting that ran late into the night in a hotel near the lake, where delegations from many allies had gathered to discuss the budget, the schedule and the communiqué's wording at length, "
            + "Hungary rejected the Ukraine fund, while the other ministers went on talking about the summit's logistics, the dinner and the press conference planned for the following morning in the main hall.";

        var reading = Assert.Single(NewsReader.Read(text, Proposals).Stances);

        Assert.True(NewsText.WordCount(text) > 40);
        Assert.InRange(NewsText.WordCount(reading.Excerpt), 1, NewsReader.MaxExcerptWords);
        Assert.Contains("Hungary rejected the Ukraine fund", reading.Excerpt, StringComparison.Ordinal);
        Assert.Contains(reading.Excerpt, text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Leaders met in a hotel and talked about the weather and the dinner.", "No ally is named")]
    [InlineData("Hungary and Poland sent delegations to the talks about spending targets.", "none of the proposals")]
    [InlineData("Hungary and Poland discussed the Ukraine fund at length on Tuesday.", "no wording says where an ally stands")]
    public void When_nothing_is_suggested_the_review_says_what_was_missing(string text, string why)
    {
        var reading = NewsReader.Read(text, Proposals);
        var review = new NewsSuggestions(reading.Sentences, [], [])
        {
            MembersRead = reading.MembersRead,
            ProposalsRead = reading.ProposalsRead,
        };

        Assert.Empty(reading.Stances);
        Assert.Contains(why, review.WhyNothing);
    }

    [Fact]
    public void A_group_named_for_an_ally_is_marked_so_the_review_warns()
    {
        var reading = NewsReader.Read("The Baltic states support the membership invitation for Ukraine.", Proposals);

        Assert.All(reading.Stances, s => Assert.True(s.ByGroup));
        Assert.Equal(["EST", "LTU", "LVA"], reading.Stances.Select(s => s.Member).Order());
        Assert.False(NewsReader.Read("Estonia backs the membership invitation for Ukraine.", Proposals).Stances.Single().ByGroup);
    }
}
