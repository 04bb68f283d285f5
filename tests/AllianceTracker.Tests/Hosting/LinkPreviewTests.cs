using System.Net;
using System.Text.RegularExpressions;
using AllianceTracker.Tests.Shared;
using AllianceTracker.Tests.Support;

namespace AllianceTracker.Tests.Hosting;

/// <summary>
/// What a link to a reading page shows when pasted into a chat or a post, and what search engines
/// read: a description that gives the answer, OpenGraph and Twitter card texts, and the canonical
/// address — with the page's feed link still in the head beside them.
/// </summary>
public sealed partial class LinkPreviewTests(AllianceAppFactory app) : IClassFixture<AllianceAppFactory>
{
    [Theory]
    [InlineData("/", "Where NATO&#x27;s allies stand on the summit&#x27;s proposals", "Blocked by Hungary", "feeds/changes.atom")]
    [InlineData("/proposals/ukraine-fund", "&#x20AC;100bn five-year fund for Ukraine", "Blocked by Hungary. 29 of 32 allies undecided or with no position on record", "feeds/changes.atom?proposal=ukraine-fund")]
    [InlineData("/members/HUN", "Where Hungary stands", "&#x20AC;100bn five-year fund for Ukraine: Opposes", "feeds/changes.atom?member=HUN")]
    [InlineData("/methodology", "Methodology and codebook", "the stance scale, the consensus rule", null)]
    public async Task A_reading_page_describes_itself_for_previews_and_keeps_its_feed_link(string address, string title, string answer, string? feed)
    {
        var head = Head(await app.Anonymous().GetStringAsync(address));

        Assert.Equal(title, Meta(head, "property", "og:title"));
        // X falls back to the OpenGraph texts and image; repeating them would only weigh on every page.
        Assert.DoesNotContain("twitter:title", head, StringComparison.Ordinal);
        Assert.Contains(answer, Meta(head, "name", "description"), StringComparison.Ordinal);
        Assert.Equal(Meta(head, "name", "description"), Meta(head, "property", "og:description"));
        // Pages with a preview image (the dashboard, a proposal) get the large card; the others the summary.
        Assert.Equal(head.Contains("og:image", StringComparison.Ordinal) ? "summary_large_image" : "summary", Meta(head, "name", "twitter:card"));
        Assert.Equal("AllianceTracker", Meta(head, "property", "og:site_name"));
        var canonical = Regex.Match(head, "<link rel=\"canonical\" href=\"([^\"]+)\"").Groups[1].Value;
        Assert.Equal($"http://localhost{address}", canonical);
        Assert.Equal(canonical, Meta(head, "property", "og:url"));
        if (feed is not null)
        {
            Assert.Matches($"<link rel=\"alternate\" type=\"application/atom\\+xml\" title=\"[^\"]+\" href=\"{Regex.Escape(feed)}\"", WebUtility.HtmlDecode(head));
        }
    }

    private static string Head(string html) => html[..html.IndexOf("</head>", StringComparison.Ordinal)];

    private static string Meta(string head, string attribute, string name) =>
        Regex.Match(head, $"<meta {attribute}=\"{Regex.Escape(name)}\" content=\"([^\"]*)\"") is { Success: true } match
            ? match.Groups[1].Value
            : throw new Xunit.Sdk.XunitException($"no <meta {attribute}=\"{name}\"> in the head");
}
