using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AllianceTracker.Tests.Shared;
using AllianceTracker.Tests.Support;
using AngleSharp.Html.Parser;

namespace AllianceTracker.Tests.Features.Exchange;

/// <summary>
/// A proposal page and a member page offer downloads of what they show, in every format, with the
/// view and the date inside the file and in its name.
/// </summary>
public sealed class PageDownloadsTests(AllianceAppFactory app) : IClassFixture<AllianceAppFactory>
{
    [Theory]
    [InlineData("/proposals/ukraine-fund?asOf=2024-07-01", "proposal=ukraine-fund", "alliance-consensus-2024-07-01-proposal-ukraine-fund")]
    [InlineData("/members/HUN?asOf=2024-07-01", "q=HUN", "alliance-consensus-2024-07-01-q-hun")]
    public async Task Each_format_downloads_what_the_page_shows_and_says_so(string page, string filters, string name)
    {
        var document = new HtmlParser().ParseDocument(await app.Anonymous().GetStringAsync(page));

        foreach (var format in new[] { "csv", "xlsx", "json", "md" })
        {
            var link = document.QuerySelector($".page-downloads a[data-testid='export-{format}']")?.GetAttribute("href");
            Assert.NotNull(link);
            var response = await app.Anonymous().GetAsync("/" + link);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal($"{name}.{format}", response.Content.Headers.ContentDisposition?.FileNameStar);
        }

        var json = await app.Anonymous().GetFromJsonAsync<JsonElement>("/" + document.QuerySelector(".page-downloads a[data-testid='export-json']")!.GetAttribute("href"));
        Assert.Equal("2024-07-01", json.GetProperty("asOf").GetString());
        Assert.Equal(filters, json.GetProperty("view").GetProperty("filters").GetString());
        if (filters.StartsWith("proposal=", StringComparison.Ordinal))
        {
            Assert.Equal(["ukraine-fund"], json.GetProperty("proposals").EnumerateArray().Select(p => p.GetProperty("slug").GetString()));
            Assert.Equal(32, json.GetProperty("members").GetArrayLength());
        }
        else
        {
            Assert.Equal(["HUN"], json.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("alpha3").GetString()));
            Assert.Equal(1, json.GetProperty("view").GetProperty("membersShown").GetInt32());
        }
    }

    [Fact]
    public async Task A_proposal_that_does_not_exist_is_refused_with_the_ones_that_do()
    {
        var response = await app.Anonymous().GetAsync("/api/v1/exports/current.csv?proposal=no-such-fund");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("no-such-fund", body, StringComparison.Ordinal);
        Assert.Contains("ukraine-fund", body, StringComparison.Ordinal);
    }
}
