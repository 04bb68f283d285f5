using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AllianceTracker.Tests.Features.Accounts;
using AllianceTracker.Tests.Support;
using Xunit.Abstractions;

namespace AllianceTracker.Tests.Hosting;

/// <summary>
/// Every kind of write, through its endpoint: after its 2xx, every read a reader or a script would
/// make — the resource it points to (Location), the read API, a reading page, all anonymous and so
/// from the output cache when nothing moved — shows the change at once. The write path announces
/// every write (the ledger), and the announcement evicts the cache. test.sh runs this on SQLite and
/// again on PostgreSQL, where the announcement goes through the database.
/// </summary>
public sealed class WriteVisibilityTests(ITestOutputHelper output) : FreshAppTest<AccountsAppFactory>(output)
{
    private const string Icaro = "icaro-2024-04-stoltenberg-ukraine-fund";

    private static readonly object Evidence = new[] { new { source = Icaro, excerpt = "A visibility test excerpt." } };

    /// <summary>A reader's view of the app, warmed so that a stale cache would show.</summary>
    private async Task<HttpClient> WarmReaderAsync(params string[] addresses)
    {
        var reader = App.Anonymous();
        foreach (var address in addresses)
        {
            await reader.GetStringAsync(address);
            await reader.GetStringAsync(address);
        }

        return reader;
    }

    /// <summary>A page's text as a reader sees it (entities decoded: Razor writes € as &amp;#x20AC;).</summary>
    private static async Task<string> PageAsync(HttpClient client, string address) => WebUtility.HtmlDecode(await client.GetStringAsync(address));

    private static async Task<JsonElement> JsonAsync(HttpClient client, string address) =>
        await client.GetFromJsonAsync<JsonElement>(address);

    [Fact]
    public async Task A_stance_and_its_retraction_show_at_once()
    {
        var editor = await App.SignedInAsync("Editor");
        var reader = await WarmReaderAsync("/api/v1/positions?member=FRA&proposal=ukraine-fund", "/members/FRA");

        var saved = await editor.PostAsJsonAsync("/api/v1/stances", new { member = "FRA", proposal = "ukraine-fund", stance = "supports", effectiveDate = "2024-06-01", reason = "Visible at once.", evidence = Evidence });

        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        Assert.Equal("supports", (await JsonAsync(reader, saved.Headers.Location!.OriginalString)).GetProperty("stance").GetString());
        Assert.Equal("supports", (await JsonAsync(reader, "/api/v1/positions?member=FRA&proposal=ukraine-fund"))[0].GetProperty("stance").GetString());
        Assert.Contains("Visible at once.", await PageAsync(reader, "/members/FRA"));

        var id = (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var version = (await JsonAsync(editor, "/api/v1/stances/cell?member=FRA&proposal=ukraine-fund")).GetProperty("version").GetGuid();
        var retracted = await editor.PostAsJsonAsync($"/api/v1/stances/{id}/retraction", new { reason = "Retracted at once.", expectedVersion = version });

        Assert.Equal(HttpStatusCode.Created, retracted.StatusCode);
        Assert.Equal("unknown", (await JsonAsync(reader, "/api/v1/positions?member=FRA&proposal=ukraine-fund"))[0].GetProperty("stance").GetString());
        Assert.Contains("Retracted at once.", await PageAsync(reader, "/members/FRA"));
    }

    [Fact]
    public async Task A_summit_and_a_proposal_at_it_show_at_once()
    {
        var editor = await App.SignedInAsync("Editor");
        var reader = await WarmReaderAsync("/api/v1/summits", "/api/v1/proposals", "/?summit=hague-2025");

        var summit = await editor.PostAsJsonAsync("/api/v1/summits", new { slug = "hague-2025", name = "The Hague Summit 2025", city = "The Hague", startsOn = "2025-06-24", endsOn = "2025-06-25" });

        Assert.Equal(HttpStatusCode.Created, summit.StatusCode);
        Assert.Equal("The Hague Summit 2025", (await JsonAsync(reader, summit.Headers.Location!.OriginalString)).GetProperty("name").GetString());
        Assert.Contains((await JsonAsync(reader, "/api/v1/summits")).EnumerateArray(), s => s.GetProperty("slug").GetString() == "hague-2025");
        Assert.Contains("The Hague Summit 2025", await PageAsync(reader, "/?summit=hague-2025"));

        var proposal = await editor.PostAsJsonAsync("/api/v1/proposals", new
        {
            slug = "five-percent-target", summitSlug = "hague-2025", title = "Five per cent of GDP on defence",
            description = "Allies spend 5% of GDP on defence by 2035.", proposer = "NATO Secretary-General Mark Rutte", tabledOn = "2025-06-01",
        });

        Assert.Equal(HttpStatusCode.Created, proposal.StatusCode);
        Assert.Equal("Five per cent of GDP on defence", (await JsonAsync(reader, proposal.Headers.Location!.OriginalString)).GetProperty("title").GetString());
        Assert.Contains((await JsonAsync(reader, "/api/v1/proposals")).EnumerateArray(), p => p.GetProperty("slug").GetString() == "five-percent-target");
        Assert.Contains("Five per cent of GDP on defence", await PageAsync(reader, "/?summit=hague-2025"));
    }

    [Fact]
    public async Task A_revision_a_decision_and_its_retraction_show_at_once()
    {
        var editor = await App.SignedInAsync("Editor");
        var reader = await WarmReaderAsync("/api/v1/proposals/ramstein-coordination", "/proposals/ramstein-coordination", "/");

        var revised = await editor.PutAsJsonAsync("/api/v1/proposals/ramstein-coordination", new { title = "NATO to lead the Ramstein coordination", description = "NATO takes over coordinating weapons deliveries.", proposer = "NATO Secretary-General Jens Stoltenberg" });
        Assert.Equal(HttpStatusCode.NoContent, revised.StatusCode);
        Assert.Equal("NATO to lead the Ramstein coordination", (await JsonAsync(reader, "/api/v1/proposals/ramstein-coordination")).GetProperty("title").GetString());
        Assert.Contains("NATO to lead the Ramstein coordination", await PageAsync(reader, "/"));

        var decided = await editor.PostAsJsonAsync("/api/v1/proposals/ramstein-coordination/outcomes", new { outcome = "adopted-amended", decidedOn = "2024-07-10", note = "Adopted as NSATU.", evidence = Evidence });
        Assert.Equal(HttpStatusCode.Created, decided.StatusCode);
        Assert.Equal("adopted-amended", (await JsonAsync(reader, decided.Headers.Location!.OriginalString)).GetProperty("outcome").GetString());
        Assert.Equal("adopted-amended", (await JsonAsync(reader, "/api/v1/proposals/ramstein-coordination")).GetProperty("outcome").GetString());
        Assert.Contains("Adopted as NSATU.", await PageAsync(reader, "/proposals/ramstein-coordination"));

        var id = (await decided.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var retracted = await editor.PostAsJsonAsync($"/api/v1/proposals/ramstein-coordination/outcomes/{id}/retraction", new { reason = "Wrong outcome." });
        Assert.Equal(HttpStatusCode.Created, retracted.StatusCode);
        Assert.Equal("pending", (await JsonAsync(reader, "/api/v1/proposals/ramstein-coordination")).GetProperty("outcome").GetString());
        Assert.DoesNotContain("Adopted as NSATU.", await PageAsync(reader, "/proposals/ramstein-coordination"));
    }

    [Fact]
    public async Task A_new_source_and_a_correction_show_at_once()
    {
        var editor = await App.SignedInAsync("Editor");
        var reader = await WarmReaderAsync("/api/v1/sources", $"/api/v1/sources/{Icaro}", "/sources", "/members/HUN");

        var added = await editor.PostAsJsonAsync("/api/v1/sources", new { title = "Hungary will not block", outlet = "Example Wire", kind = "news-report", published = "2024-06-12" });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal("Hungary will not block", (await JsonAsync(reader, added.Headers.Location!.OriginalString)).GetProperty("source").GetProperty("title").GetString());
        Assert.Contains("Hungary will not block", await PageAsync(reader, "/sources"));

        var corrected = await editor.PutAsJsonAsync($"/api/v1/sources/{Icaro}", new { title = "Stoltenberg pushes for Ukraine support", outlet = "ICARO Media Group", kind = "news-report", published = "2024-04-03", publishedApproximate = true, reason = "Shorter title." });
        Assert.Equal(HttpStatusCode.NoContent, corrected.StatusCode);
        Assert.Equal("Stoltenberg pushes for Ukraine support", (await JsonAsync(reader, $"/api/v1/sources/{Icaro}")).GetProperty("source").GetProperty("title").GetString());
        Assert.Contains("Stoltenberg pushes for Ukraine support", await PageAsync(reader, "/members/HUN"));
    }

    [Fact]
    public async Task Accepted_news_suggestions_and_an_import_show_at_once()
    {
        var editor = await App.SignedInAsync("Editor");
        var reader = await WarmReaderAsync("/api/v1/positions?member=PRT&proposal=ukraine-fund", "/members/PRT");
        var text = "Portugal supports the €100bn fund for Ukraine, its foreign minister said.";

        var accepted = await editor.PostAsJsonAsync("/api/v1/news/acceptances", new
        {
            text,
            source = new { title = "Portugal backs the fund", outlet = "Example Wire", kind = "news-report", published = "2024-06-20" },
            stances = new[] { new { member = "PRT", proposal = "ukraine-fund", stance = "supports", excerpt = "Portugal supports the €100bn fund for Ukraine" } },
        });
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        Assert.Equal("supports", (await JsonAsync(reader, "/api/v1/positions?member=PRT&proposal=ukraine-fund"))[0].GetProperty("stance").GetString());
        Assert.Contains("Portugal supports the €100bn fund for Ukraine", await PageAsync(reader, "/members/PRT"));

        // An admin imports a dataset in which Spain has moved from conditional to supports.
        var admin = await App.SignedInAsync("Admin");
        await WarmReaderAsync("/api/v1/positions?member=ESP&proposal=ukraine-fund");
        var dataset = System.Text.Json.Nodes.JsonNode.Parse(await admin.GetStringAsync("/api/v1/exports/current.json"))!;
        var spain = dataset["positions"]!.AsArray().Single(p => (string?)p!["member"] == "ESP" && (string?)p["proposal"] == "ukraine-fund")!;
        (spain["stance"], spain["conditions"], spain["effectiveDate"], spain["rationale"]) = ("supports", null, "2024-06-30", "Madrid dropped its concerns.");
        spain["evidence"] = System.Text.Json.Nodes.JsonNode.Parse($$"""[{"source":"{{Icaro}}","excerpt":"An import visibility test excerpt."}]""");
        var imported = await admin.PostAsync("/api/v1/imports?dryRun=false", new StringContent(dataset.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));

        Assert.True(imported.IsSuccessStatusCode, await imported.Content.ReadAsStringAsync());
        Assert.Equal("supports", (await JsonAsync(reader, "/api/v1/positions?member=ESP&proposal=ukraine-fund"))[0].GetProperty("stance").GetString());
        Assert.Contains("Madrid dropped its concerns.", await PageAsync(reader, "/members/ESP"));
    }
}
