using AllianceTracker.Tests.Shared;
using AngleSharp.Html.Parser;

namespace AllianceTracker.Tests.Features.Feeds;

/// <summary>Every reading page points to its Atom feed, for feed readers (head) and for people (a link).</summary>
public sealed class ChangeFeedLinkTests(AllianceAppFactory app) : IClassFixture<AllianceAppFactory>
{
    [Theory]
    [InlineData("/", "feeds/changes.atom")]
    [InlineData("/members", "feeds/changes.atom")]
    [InlineData("/proposals", "feeds/changes.atom")]
    [InlineData("/members/HUN", "feeds/changes.atom?member=HUN")]
    [InlineData("/proposals/ukraine-fund", "feeds/changes.atom?proposal=ukraine-fund")]
    public async Task A_reading_page_announces_its_feed_in_the_head_and_links_it_visibly(string page, string feed)
    {
        var client = app.CreateClient();
        var document = new HtmlParser().ParseDocument(await client.GetStringAsync(page));

        var announced = Assert.Single(document.Head!.QuerySelectorAll("link[rel='alternate'][type='application/atom+xml']"));
        Assert.Equal(feed, announced.GetAttribute("href"));
        Assert.False(string.IsNullOrWhiteSpace(announced.GetAttribute("title")));
        var visible = Assert.Single(document.Body!.QuerySelectorAll("a.feed-link"));
        Assert.Equal(feed, visible.GetAttribute("href"));
        Assert.Equal(announced.GetAttribute("title"), visible.TextContent.Trim());

        // The address is a working feed of that scope.
        var answer = await client.GetAsync("/" + feed);
        answer.EnsureSuccessStatusCode();
        Assert.Equal("application/atom+xml", answer.Content.Headers.ContentType?.MediaType);
    }
}
