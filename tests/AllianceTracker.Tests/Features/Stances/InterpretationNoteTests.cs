using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using AllianceTracker.Tests.Support;
using Xunit.Abstractions;

namespace AllianceTracker.Tests.Features.Stances;

/// <summary>
/// A stance the editors read into evidence that does not state it carries their note, from the save
/// to every place a reader meets the stance: the API, the pages, the feed, every export, and back in
/// through an import.
/// </summary>
public sealed class InterpretationNoteTests(ITestOutputHelper output) : FreshAppTest(output)
{
    private const string Icaro = "icaro-2024-04-stoltenberg-ukraine-fund";
    private const string Note = "The article says “Baltic officials”; Estonia backing the invitation is read from that.";

    private static async Task<HttpResponseMessage> SaveEstoniaAsync(HttpClient editor, string stance, string? note, string date = "2024-05-02") =>
        await editor.PostAsJsonAsync("/api/v1/stances", new
        {
            expectedVersion = (Guid?)(await editor.GetFromJsonAsync<JsonNode>("/api/v1/stances/cell?member=EST&proposal=membership-invitation"))!["version"],
            member = "EST", proposal = "membership-invitation", stance, effectiveDate = date,
            reason = "Baltic officials argue membership is the only guarantee.",
            evidence = new[] { new { source = Icaro, excerpt = "Baltic, Polish, and Ukrainian officials argue that NATO membership is the only guarantee." } },
            interpretationNote = note,
        });

    private async Task<JsonNode> EstoniaAsync() =>
        (await App.Anonymous().GetFromJsonAsync<List<JsonNode>>("/api/v1/positions?member=EST&proposal=membership-invitation"))!.Single();

    [Fact]
    public async Task A_marked_stance_shows_its_note_in_the_api_the_pages_the_feed_and_every_export()
    {
        var editor = await App.SignedInAsync("Editor");
        var saved = await SaveEstoniaAsync(editor, "supports", "  " + Note + " ");
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        var id = (long)(await saved.Content.ReadFromJsonAsync<JsonNode>())!["id"]!;

        Assert.Equal(Note, (string?)(await EstoniaAsync())["interpretationNote"]);
        Assert.Equal(Note, (string?)(await App.Anonymous().GetFromJsonAsync<JsonNode>($"/api/v1/stances/{id}"))!["interpretationNote"]);
        // A stance the article states carries none.
        var hungary = (await App.Anonymous().GetFromJsonAsync<List<JsonNode>>("/api/v1/positions?member=HUN&proposal=ukraine-fund"))!.Single();
        Assert.Null((string?)hungary["interpretationNote"]);

        var reader = App.Anonymous();
        foreach (var page in new[] { "/", "/proposals/membership-invitation", "/members/EST", "/changes?since=2024-01-01" })
        {
            var html = await reader.GetStringAsync(page);
            Assert.True(html.Contains("<details class=\"interpretation\">", StringComparison.Ordinal) && html.Contains(Note, StringComparison.Ordinal),
                $"{page} does not show the interpretation mark with its note");
        }

        Assert.Contains("Interpretation: " + Note, await reader.GetStringAsync("/feeds/changes.atom?format=atom"));

        var json = JsonNode.Parse(await reader.GetStringAsync("/api/v1/exports/current.json"))!;
        var estonia = json["positions"]!.AsArray().Single(p => (string?)p!["member"] == "EST" && (string?)p["proposal"] == "membership-invitation")!;
        Assert.Equal(Note, (string?)estonia["interpretationNote"]);
        Assert.False(json["positions"]!.AsArray().Single(p => (string?)p!["member"] == "HUN" && (string?)p["proposal"] == "ukraine-fund")!.AsObject()
            .ContainsKey("interpretationNote"), "an unmarked position must not carry the field, so earlier snapshots keep their hash");

        var csv = CsvText.Rows(await reader.GetStringAsync("/api/v1/exports/current.csv?bom=false"));
        var column = Array.IndexOf(csv[0], "interpretation_note");
        Assert.True(column > 0, "the CSV has an interpretation_note column");
        Assert.Equal(Note, csv.Single(r => r[1] == "EST" && r[3] == "membership-invitation")[column]);
        Assert.Equal("", csv.Single(r => r[1] == "HUN" && r[3] == "ukraine-fund")[column]);

        var history = CsvText.Rows(await reader.GetStringAsync("/api/v1/exports/history.csv?bom=false"));
        Assert.Equal(Note, history.Single(r => r[0] == id.ToString(System.Globalization.CultureInfo.InvariantCulture))[Array.IndexOf(history[0], "interpretation_note")]);

        Assert.Contains($"- Interpretation, Estonia (supports): {Note}", await reader.GetStringAsync("/api/v1/exports/current.md"));
    }

    [Fact]
    public async Task Marking_the_stance_on_record_as_an_interpretation_is_a_change_and_a_later_stated_reading_drops_the_mark()
    {
        var editor = await App.SignedInAsync("Editor");
        Assert.Equal(HttpStatusCode.Created, (await SaveEstoniaAsync(editor, "supports", null)).StatusCode);
        Assert.Null((string?)(await EstoniaAsync())["interpretationNote"]);

        // Same stance, date and conditions: only the note is new, and that is worth an entry.
        Assert.Equal(HttpStatusCode.Created, (await SaveEstoniaAsync(editor, "supports", Note)).StatusCode);
        Assert.Equal(Note, (string?)(await EstoniaAsync())["interpretationNote"]);

        // The same note again changes nothing, and says so.
        var again = await SaveEstoniaAsync(editor, "supports", Note);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("Nothing changed", await again.Content.ReadAsStringAsync());

        // A firmer source states it: the new entry carries no note, and the mark is gone.
        Assert.Equal(HttpStatusCode.Created, (await SaveEstoniaAsync(editor, "supports", null, "2024-06-01")).StatusCode);
        Assert.Null((string?)(await EstoniaAsync())["interpretationNote"]);
        // The dashboard shows current stances only; the member's history keeps the mark on the entry it explained.
        Assert.DoesNotContain("<details class=\"interpretation\">", await App.Anonymous().GetStringAsync("/"));
    }

    [Fact]
    public async Task Markup_in_a_note_is_shown_as_text_and_never_runs()
    {
        var editor = await App.SignedInAsync("Editor");
        Assert.Equal(HttpStatusCode.Created, (await SaveEstoniaAsync(editor, "supports", "Read from <script>alert(1)</script> & \"quotes\"</span>")).StatusCode);

        var html = await App.Anonymous().GetStringAsync("/members/EST");

        Assert.Contains("Read from &lt;script&gt;alert(1)&lt;/script&gt; &amp; \"quotes\"&lt;/span&gt;", html);
        Assert.DoesNotContain("<script>alert(1)", html);
    }

    [Fact]
    public async Task A_note_longer_than_a_note_may_be_is_refused_naming_the_field_and_nothing_is_saved()
    {
        var editor = await App.SignedInAsync("Editor");
        var refused = await SaveEstoniaAsync(editor, "supports", new string('x', 1001));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await refused.Content.ReadFromJsonAsync<JsonNode>())!["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("interpretationNote"), $"the refusal names interpretationNote: {errors.ToJsonString()}");
        Assert.NotEqual("2024-05-02", (string?)(await EstoniaAsync())["effectiveDate"]);
    }

    [Fact]
    public async Task An_imported_dataset_keeps_its_interpretation_notes()
    {
        var admin = await App.SignedInAsync("Admin");
        var dataset = JsonNode.Parse(await App.Anonymous().GetStringAsync("/api/v1/exports/current.json"))!;
        var slovakia = dataset["positions"]!.AsArray().Single(p => (string?)p!["member"] == "SVK" && (string?)p["proposal"] == "ukraine-fund")!;
        slovakia["stance"] = "opposes";
        slovakia["effectiveDate"] = "2024-06-01";
        slovakia["rationale"] = "Read from Bratislava's silence at the ministerial.";
        slovakia["interpretationNote"] = "No Slovak minister said no; the opposition is read from the abstention.";
        slovakia["evidence"] = JsonNode.Parse($$"""[{"source":"{{Icaro}}","excerpt":"An imported excerpt."}]""");

        var imported = await admin.PostAsync("/api/v1/imports?dryRun=false", new StringContent(dataset.ToJsonString(), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        var position = (await App.Anonymous().GetFromJsonAsync<List<JsonNode>>("/api/v1/positions?member=SVK&proposal=ukraine-fund"))!.Single();
        Assert.Equal("No Slovak minister said no; the opposition is read from the abstention.", (string?)position["interpretationNote"]);
    }
}
