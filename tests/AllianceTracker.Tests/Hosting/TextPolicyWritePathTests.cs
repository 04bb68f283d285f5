using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using AllianceTracker.Tests.Support;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace AllianceTracker.Tests.Hosting;

/// <summary>The text policy on the real write paths, and what readers get when old data breaks it.</summary>
public sealed class TextPolicyWritePathTests(ITestOutputHelper output) : FreshAppTest(output)
{
    private static async Task<HttpResponseMessage> SaveAsync(HttpClient editor, string reason, string? conditions = null)
    {
        var cell = await editor.GetFromJsonAsync<JsonObject>("/api/v1/stances/cell?member=SVK&proposal=ukraine-fund");
        return await editor.PostAsJsonAsync("/api/v1/stances", new
        {
            member = "SVK", proposal = "ukraine-fund", stance = conditions is null ? "supports" : "conditional", conditions, effectiveDate = "2024-06-02", reason,
            evidence = new[] { new { source = "icaro-2024-04-stoltenberg-ukraine-fund", excerpt = "An excerpt." } },
            expectedVersion = (Guid?)cell!["version"],
        });
    }

    private async Task<JsonNode> SlovakiaAsync() =>
        (await App.Anonymous().GetFromJsonAsync<JsonArray>("/api/v1/positions?proposal=ukraine-fund"))!.Single(p => (string?)p!["member"] == "SVK")!;

    [Theory]
    [InlineData(1001, "\u0000")]
    [InlineData(20, "\u0001")]
    [InlineData(20, "\u202E")]
    public async Task An_over_long_reason_or_one_with_a_control_character_is_a_400_and_nothing_is_saved(int length, string bad)
    {
        var editor = await App.SignedInAsync("Editor");
        var before = (string?)(await SlovakiaAsync())["stance"];

        var response = await SaveAsync(editor, "Reason " + bad + new string('x', length));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.NotNull(problem!["errors"]!["rationale"]);
        Assert.Equal(before, (string?)(await SlovakiaAsync())["stance"]);
    }

    [Fact]
    public async Task A_saved_reason_is_trimmed_and_in_NFC_whatever_the_client_sent()
    {
        var editor = await App.SignedInAsync("Editor");

        var response = await SaveAsync(editor, "  Bratislava\u0301 accepts it.\r\nOn conditions.  ", conditions: " Only with a veto on spending.\r\n");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        // A save announces after it commits; the shared picture follows the announcement.
        var slovakia = await SlovakiaAsync();
        for (var deadline = DateTime.UtcNow.AddSeconds(10); (string?)slovakia["stance"] != "conditional" && DateTime.UtcNow < deadline; slovakia = await SlovakiaAsync())
        {
            await Task.Yield();
        }

        Assert.True((string?)slovakia["rationale"] == "Bratislavá accepts it.\nOn conditions.", slovakia.ToJsonString());
        Assert.Equal("Only with a veto on spending.", (string?)slovakia["conditions"]);
    }

    [Fact]
    public async Task A_slug_with_a_trailing_newline_is_refused_and_no_look_alike_proposal_is_created()
    {
        var editor = await App.SignedInAsync("Editor");

        var response = await editor.PostAsJsonAsync("/api/v1/proposals", new
        {
            slug = "ukraine-fund\n", summitSlug = "washington-2024", title = "A look-alike", description = "Looks like the fund.", proposer = "Nobody", tabledOn = "2024-06-01",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var proposals = await App.Anonymous().GetFromJsonAsync<JsonArray>("/api/v1/proposals");
        Assert.Single(proposals!, p => ((string?)p!["slug"])!.StartsWith("ukraine-fund", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_two_megabyte_snapshot_title_and_a_301_character_one_are_refused()
    {
        var editor = await App.SignedInAsync("Editor");

        var huge = await editor.PostAsJsonAsync("/api/v1/snapshots", new { title = new string('t', 2 * 1024 * 1024) });
        var long301 = await editor.PostAsJsonAsync("/api/v1/snapshots", new { title = new string('t', 301) });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, long301.StatusCode);
        Assert.Empty((await App.Anonymous().GetFromJsonAsync<JsonArray>("/api/v1/snapshots"))!);
    }

    [Fact]
    [Trait("Database", "SqliteOnly")]
    public async Task The_database_itself_refuses_over_long_text_whoever_writes_it()
    {
        await App.Anonymous().GetAsync("/api/v1/members");

        var refused = Assert.Throws<SqliteException>(() => SqliteFile.Scalar(App.DatabasePath,
            "UPDATE Sources SET Title = @title WHERE Key = 'icaro-2024-04-stoltenberg-ukraine-fund'", ("@title", new string('x', 301))));
        Assert.Contains("text policy", refused.Message);
    }

    [Fact]
    [Trait("Database", "SqliteOnly")]
    public async Task Text_stored_before_the_policy_cannot_break_the_feed_or_the_brief()
    {
        await App.Anonymous().GetAsync("/api/v1/members");
        // As a database from before the policy might hold: a control character, a carriage return and a hostile address.
        SqliteFile.Scalar(App.DatabasePath,
            "UPDATE Sources SET Title = 'Bad' || char(1) || ' title' || char(13) || '# Heading', Url = @url WHERE Key = 'icaro-2024-04-stoltenberg-ukraine-fund'",
            ("@url", "https://example.org/\"><img src=x onerror=alert(1)>"));

        var feed = await App.Anonymous().GetAsync("/feeds/changes.atom");
        var brief = await App.Anonymous().GetStringAsync("/api/v1/exports/current.md");

        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.Contains("Bad title", XElement.Parse(await feed.Content.ReadAsStringAsync()).ToString());
        Assert.DoesNotContain("<img", brief);
        Assert.DoesNotContain(brief.Split('\n'), line => line.StartsWith("# Heading", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("?member=%01", "member")]
    [InlineData("?member=HUNGARY", "member")]
    [InlineData("?proposal=ukraine-fund%0A", "proposal")]
    public async Task A_malformed_feed_filter_is_a_400_naming_it(string query, string parameter)
    {
        var response = await App.Anonymous().GetAsync("/feeds/changes.atom" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(parameter, await response.Content.ReadAsStringAsync());
    }
}
