using System.Text.RegularExpressions;
using AllianceTracker.Tests.Shared;
using AllianceTracker.Tests.Support;
using AngleSharp.Html.Parser;

namespace AllianceTracker.Tests.Features.Snapshots;

/// <summary>Every reading page offers a citation that pins its date and names the data version it showed.</summary>
public sealed partial class CiteThisViewPageTests(AllianceAppFactory app) : IClassFixture<AllianceAppFactory>
{
    [Theory]
    [InlineData("/", "Where NATO's allies stand on the summit's proposals", "/?asOf=")]
    [InlineData("/proposals/ukraine-fund?asOf=2024-07-01", "€100bn five-year fund for Ukraine", "/proposals/ukraine-fund?asOf=2024-07-01")]
    [InlineData("/members/HUN", "Where Hungary stands", "/members/HUN?asOf=")]
    public async Task The_box_pins_the_date_and_names_the_data_version_the_page_showed(string address, string title, string permalink)
    {
        var document = new HtmlParser().ParseDocument(await app.Anonymous().GetStringAsync(address));

        var box = document.QuerySelector("[data-testid='cite-view']")!;
        var link = box.QuerySelector("[data-testid='permalink']")!;
        Assert.Contains(permalink, link.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Matches(@"\?asOf=\d{4}-\d{2}-\d{2}", link.GetAttribute("href"));
        var version = VersionPattern().Match(document.QuerySelector("[data-testid='freshness']")!.TextContent).Groups[1].Value;
        Assert.Contains($"“{title}”, as of ", box.QuerySelector("[data-testid='suggested-citation']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains($"(data version {version})", box.QuerySelector("[data-testid='suggested-citation']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("snapshots/latest", box.QuerySelector("[data-testid='latest-snapshot']")!.GetAttribute("href"));
    }

    [GeneratedRegex(@"data version (\d+)")]
    private static partial Regex VersionPattern();
}
