using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AllianceTracker.Tests.Features.Accounts;
using AllianceTracker.Tests.Support;
using Xunit.Abstractions;

namespace AllianceTracker.Tests.Features.Sources;

/// <summary>Sources are records of their own: listed and searched by anyone, added and corrected by editors, every correction kept.</summary>
public sealed class SourcesTests(ITestOutputHelper output) : FreshAppTest<AccountsAppFactory>(output)
{
    private static object Declaration(string? kind = "declaration") => new
    {
        title = "Washington Summit Declaration", outlet = "NATO", kind, url = "https://www.nato.int/cps/en/natohq/official_texts_227678.htm", publishedDate = "2024-07-10",
    };

    [Fact]
    public async Task An_editor_adds_a_source_with_its_kind_and_readers_find_it_by_search_and_kind()
    {
        var editor = await App.SignedInAsync("Editor");

        var added = await editor.PostAsJsonAsync("/api/v1/sources", Declaration());

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var key = (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString();
        var found = await App.Anonymous().GetFromJsonAsync<List<JsonElement>>("/api/v1/sources?q=washington&kind=declaration");
        var item = Assert.Single(found!);
        Assert.Equal(key, item.GetProperty("source").GetProperty("key").GetString());
        Assert.Equal("declaration", item.GetProperty("source").GetProperty("kind").GetString());
        var page = WebUtility.HtmlDecode(await App.Anonymous().GetStringAsync("/sources?q=washington"));
        Assert.Contains("Washington Summit Declaration", page);
        Assert.Contains("1 source", page);
        Assert.Contains("Declaration", page);
    }

    [Fact]
    public async Task A_source_without_a_kind_is_refused_rather_than_assumed_a_news_report()
    {
        var editor = await App.SignedInAsync("Editor");

        var response = await editor.PostAsJsonAsync("/api/v1/sources", Declaration(kind: null));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("kind", out _));
    }

    [Fact]
    public async Task A_correction_keeps_the_earlier_details_with_its_reason_and_the_seed_article_shows_its_citations()
    {
        var editor = await App.SignedInAsync("Editor");

        var corrected = await editor.PutAsJsonAsync("/api/v1/sources/icaro-2024-04-stoltenberg-ukraine-fund", new
        {
            title = "NATO Secretary-General Pushes for International Support to Bolster Ukraine's Security", outlet = "ICARO Media Group",
            kind = "news-report", url = "https://example.org/icaro-stoltenberg", publishedDate = "2024-04-03", publishedApproximate = true,
            reason = "Found the article's address.",
        });
        var noReason = await editor.PutAsJsonAsync("/api/v1/sources/icaro-2024-04-stoltenberg-ukraine-fund", new
        {
            title = "X", outlet = "Y", kind = "news-report", reason = "",
        });

        Assert.Equal(HttpStatusCode.NoContent, corrected.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        var list = await App.Anonymous().GetFromJsonAsync<List<JsonElement>>("/api/v1/sources?q=icaro");
        var seed = Assert.Single(list!);
        Assert.Equal(1, seed.GetProperty("corrections").GetInt32());
        Assert.Equal(13, seed.GetProperty("citedByStances").GetInt32());
        var page = WebUtility.HtmlDecode(await App.Anonymous().GetStringAsync("/sources"));
        Assert.Contains("Found the article's address.", page);
        Assert.Contains("(was: NATO Secretary-General Pushes for International Support to Bolster Ukraine's Security · ICARO Media Group · c. 2024-04-03 · news-report · no URL)", page);
        var member = await App.Anonymous().GetStringAsync("/members/HUN");
        Assert.Contains("https://example.org/icaro-stoltenberg", member);
    }

    [Theory]
    [InlineData("Anonymous", HttpStatusCode.Unauthorized)]
    [InlineData("Reader", HttpStatusCode.Forbidden)]
    public async Task Only_editors_add_or_correct_sources(string caller, HttpStatusCode expected)
    {
        var client = caller == "Anonymous" ? App.Anonymous() : await App.SignedInAsync(null);

        var add = await client.PostAsJsonAsync("/api/v1/sources", Declaration());
        var correct = await client.PutAsJsonAsync("/api/v1/sources/icaro-2024-04-stoltenberg-ukraine-fund", new { title = "X", outlet = "Y", kind = "analysis", reason = "Z" });

        Assert.Equal(expected, add.StatusCode);
        Assert.Equal(expected, correct.StatusCode);
    }
}
