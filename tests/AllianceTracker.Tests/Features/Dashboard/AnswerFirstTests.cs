using AllianceTracker.Tests.Support;
using AngleSharp.Html.Parser;
using Xunit.Abstractions;

namespace AllianceTracker.Tests.Features.Dashboard;

/// <summary>The answer comes before the controls and the detail, and says what time it speaks of.</summary>
public sealed class AnswerFirstTests(ITestOutputHelper output) : FreshAppTest(output)
{
    [Fact]
    public async Task The_dashboard_answers_each_proposal_before_any_control()
    {
        var html = await App.Anonymous().GetStringAsync("/");
        var document = new HtmlParser().ParseDocument(html);

        var lines = document.QuerySelectorAll("[data-testid='answers'] li.answer-line");
        Assert.Equal(["ukraine-fund", "ramstein-coordination", "membership-invitation"], lines.Select(l => l.GetAttribute("data-proposal")));
        var fund = lines[0];
        Assert.Equal("€100bn five-year fund for Ukraine", fund.QuerySelector("a.answer-title")!.TextContent);
        Assert.Equal("Blocked", fund.QuerySelector(".status-chip")!.TextContent.Trim());
        Assert.Equal("Hungary objects", fund.QuerySelector(".answer-headline")!.TextContent);
        Assert.Equal("· 29 still open", fund.QuerySelector(".answer-open")!.TextContent.Trim());
        Assert.Equal("Germany and United States object", lines[2].QuerySelector(".answer-headline")!.TextContent);
        // One summit, nothing decided: the time the answers speak of is said once, above them.
        Assert.Equal("Washington Summit 2024, 9–11 July 2024 · ended · no decision recorded", document.QuerySelector("p.answers-when[data-testid='summit-line']")!.TextContent);
        Assert.Null(fund.QuerySelector("[data-testid='summit-line']"));
        // Before the date picker, the summit box and the cards.
        Assert.True(html.IndexOf("data-testid=\"answers\"", StringComparison.Ordinal) < html.IndexOf("class=\"page-toolbar\"", StringComparison.Ordinal));
        Assert.True(html.IndexOf("data-testid=\"answers\"", StringComparison.Ordinal) < html.IndexOf("class=\"summit-context", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Before_the_summit_the_line_says_it_is_ahead()
    {
        var document = new HtmlParser().ParseDocument(await App.Anonymous().GetStringAsync("/proposals/ukraine-fund?asOf=2024-06-01"));

        var line = document.QuerySelector("[data-testid='answers'] li.answer-line")!;
        Assert.Equal("Washington Summit 2024, 9–11 July 2024 · ahead", line.QuerySelector("[data-testid='summit-line']")!.TextContent);
        Assert.Null(line.QuerySelector("a.answer-title"));
    }
}
