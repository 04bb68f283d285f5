using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using AllianceTracker.Tests.Support;
using Xunit.Abstractions;

namespace AllianceTracker.Tests.Features.Stances;

public sealed class StancesApiTests(ITestOutputHelper output) : FreshAppTest(output)
{
    [Fact]
    public async Task A_save_on_top_of_a_cell_an_import_changed_since_the_editor_opened_it_is_a_409_with_the_imported_stance()
    {
        var editor = await App.SignedInAsync("Editor");
        var admin = await App.SignedInAsync("Admin");
        var opened = await editor.GetFromJsonAsync<CellBody>("/api/v1/stances/cell?member=SVK&proposal=ukraine-fund");
        var dataset = JsonNode.Parse(await App.Anonymous().GetStringAsync("/api/v1/exports/current.json"))!;
        var slovakia = dataset["positions"]!.AsArray().Single(p => (string?)p!["member"] == "SVK" && (string?)p["proposal"] == "ukraine-fund")!;
        slovakia["stance"] = "opposes";
        slovakia["effectiveDate"] = "2024-06-01";
        slovakia["rationale"] = "Imported: Bratislava rejects the fund.";
        slovakia["evidence"] = JsonNode.Parse("""[{"source":"icaro-2024-04-stoltenberg-ukraine-fund","excerpt":"An imported excerpt."}]""");
        var imported = await admin.PostAsync("/api/v1/imports?dryRun=false", new StringContent(dataset.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);

        var save = await editor.PostAsJsonAsync("/api/v1/stances", new
        {
            member = "SVK", proposal = "ukraine-fund", stance = "supports", effectiveDate = "2024-06-02", reason = "The editor's stale view.",
            evidence = new[] { new { source = "icaro-2024-04-stoltenberg-ukraine-fund", excerpt = "A stale excerpt." } },
            expectedVersion = opened!.Version,
        });

        Assert.Equal(HttpStatusCode.Conflict, save.StatusCode);
        var current = await save.Content.ReadFromJsonAsync<CellBody>();
        Assert.Equal(("SVK", "ukraine-fund", "opposes"), (current!.Member, current.Proposal, current.Stance));
        Assert.StartsWith("Dataset import by ", current.RecordedBy);
        Assert.NotEqual(opened.Version, current.Version);
        var positions = await App.Anonymous().GetFromJsonAsync<List<JsonNode>>("/api/v1/positions?proposal=ukraine-fund");
        Assert.Equal("opposes", (string?)positions!.Single(p => (string?)p["member"] == "SVK")["stance"]);
    }

    private const string Icaro = "icaro-2024-04-stoltenberg-ukraine-fund";

    private static readonly object HungaryStepsAside = new
    {
        title = "Hungary will not block NATO's Ukraine support", outlet = "Reuters", published = "2024-07-10", kind = "news-report",
    };

    private static async Task<Guid?> VersionAsync(HttpClient client, string member, string proposal) =>
        (await client.GetFromJsonAsync<CellBody>($"/api/v1/stances/cell?member={member}&proposal={proposal}"))!.Version;

    private async Task<JsonNode> PositionAsync(string member, string proposal) =>
        (await App.Anonymous().GetFromJsonAsync<List<JsonNode>>($"/api/v1/positions?member={member}&proposal={proposal}"))!.Single();

    [Fact]
    public async Task One_statement_is_recorded_once_for_two_proposals_each_with_its_own_stance_and_one_source()
    {
        var editor = await App.SignedInAsync("Editor");
        var statement = await editor.PostAsJsonAsync("/api/v1/stances/statements", new
        {
            effectiveDate = "2024-07-10",
            reason = "Orbán: Hungary will neither take part in nor block NATO's Ukraine support.",
            evidence = new[] { new { excerpt = "Hungary will not take part, and will not block the others.", newSource = HungaryStepsAside } },
            cells = new object[]
            {
                new { member = "HUN", proposal = "ukraine-fund", stance = "opts-out", expectedVersion = await VersionAsync(editor, "HUN", "ukraine-fund") },
                new { member = "HUN", proposal = "ramstein-coordination", stance = "conditional", conditions = "No Hungarian personnel or money.", expectedVersion = await VersionAsync(editor, "HUN", "ramstein-coordination") },
            },
        });

        Assert.Equal(HttpStatusCode.Created, statement.StatusCode);
        var entries = (await statement.Content.ReadFromJsonAsync<JsonNode>())!["entries"]!.AsArray();
        Assert.Equal(2, entries.Count);
        var fund = await PositionAsync("HUN", "ukraine-fund");
        var ramstein = await PositionAsync("HUN", "ramstein-coordination");
        Assert.Equal(("opts-out", "conditional"), ((string?)fund["stance"], (string?)ramstein["stance"]));
        Assert.Equal("No Hungarian personnel or money.", (string?)ramstein["conditions"]);
        // One source, added once, cited by both cells.
        Assert.Equal((string?)fund["evidence"]![0]!["source"]!["key"], (string?)ramstein["evidence"]![0]!["source"]!["key"]);
        var sources = await App.Anonymous().GetFromJsonAsync<List<JsonNode>>("/api/v1/sources");
        var reuters = Assert.Single(sources!, s => (string?)s["source"]!["outlet"] == "Reuters");
        Assert.Equal(2, (int?)reuters["citedByStances"]);
    }

    [Fact]
    public async Task A_statement_with_one_stale_cell_writes_nothing_and_names_that_cell()
    {
        var editor = await App.SignedInAsync("Editor");
        var fundSeen = await VersionAsync(editor, "HUN", "ukraine-fund");
        var ramsteinSeen = await VersionAsync(editor, "HUN", "ramstein-coordination");
        var other = await App.SignedInAsync("Editor");
        var meanwhile = await other.PostAsJsonAsync("/api/v1/stances", new
        {
            member = "HUN", proposal = "ramstein-coordination", stance = "undecided", effectiveDate = "2024-07-01", reason = "Meanwhile.",
            evidence = new[] { new { source = Icaro, excerpt = "An excerpt." } }, expectedVersion = ramsteinSeen,
        });
        Assert.Equal(HttpStatusCode.Created, meanwhile.StatusCode);

        var statement = await editor.PostAsJsonAsync("/api/v1/stances/statements", new
        {
            effectiveDate = "2024-07-10", reason = "Stale statement.",
            evidence = new[] { new { source = Icaro, excerpt = "An excerpt." } },
            cells = new object[]
            {
                new { member = "HUN", proposal = "ukraine-fund", stance = "opts-out", expectedVersion = fundSeen },
                new { member = "HUN", proposal = "ramstein-coordination", stance = "opts-out", expectedVersion = ramsteinSeen },
            },
        });

        Assert.Equal(HttpStatusCode.Conflict, statement.StatusCode);
        var current = await statement.Content.ReadFromJsonAsync<CellBody>();
        Assert.Equal(("ramstein-coordination", "undecided"), (current!.Proposal, current.Stance));
        Assert.Equal("opposes", (string?)(await PositionAsync("HUN", "ukraine-fund"))["stance"]);
        Assert.Equal(fundSeen, await VersionAsync(editor, "HUN", "ukraine-fund"));
    }

    [Fact]
    public async Task A_statement_names_the_cell_that_breaks_a_rule_and_writes_none()
    {
        var editor = await App.SignedInAsync("Editor");
        var estoniaBefore = await PositionAsync("EST", "membership-invitation");
        var statement = await editor.PostAsJsonAsync("/api/v1/stances/statements", new
        {
            effectiveDate = "2024-07-10", reason = "A Baltic statement.",
            evidence = new[] { new { source = Icaro, excerpt = "An excerpt." } },
            cells = new object[]
            {
                new { member = "EST", proposal = "membership-invitation", stance = "supports", expectedVersion = await VersionAsync(editor, "EST", "membership-invitation") },
                new { member = "LVA", proposal = "membership-invitation", stance = "conditional", expectedVersion = await VersionAsync(editor, "LVA", "membership-invitation") },
            },
        });

        Assert.Equal(HttpStatusCode.BadRequest, statement.StatusCode);
        var errors = (await statement.Content.ReadFromJsonAsync<JsonNode>())!["errors"]!.AsObject();
        Assert.Contains("cells[1].conditions", errors.Select(e => e.Key));
        Assert.DoesNotContain(errors, e => e.Key.StartsWith("cells[0]", StringComparison.Ordinal));
        Assert.Equal(estoniaBefore.ToJsonString(), (await PositionAsync("EST", "membership-invitation")).ToJsonString());
    }

    [Fact]
    public async Task Evidence_added_to_the_stance_on_record_keeps_it_and_cites_both_sources()
    {
        var editor = await App.SignedInAsync("Editor");
        var before = await PositionAsync("HUN", "ukraine-fund");

        var added = await editor.PostAsJsonAsync("/api/v1/stances/evidence", new
        {
            member = "HUN", proposal = "ukraine-fund",
            evidence = new[] { new { excerpt = "Budapest repeated its rejection of the fund.", newSource = new { title = "Hungary rejects fund again", outlet = "AP", published = "2024-06-20" } } },
            expectedVersion = await VersionAsync(editor, "HUN", "ukraine-fund"),
        });

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var after = await PositionAsync("HUN", "ukraine-fund");
        Assert.Equal(((string?)before["stance"], (string?)before["effectiveDate"], (string?)before["rationale"]),
            ((string?)after["stance"], (string?)after["effectiveDate"], (string?)after["rationale"]));
        Assert.Equal(["ICARO Media Group", "AP"], after["evidence"]!.AsArray().Select(e => (string?)e!["source"]!["outlet"]));
        var entry = await App.Anonymous().GetFromJsonAsync<JsonNode>(added.Headers.Location!.OriginalString);
        Assert.NotNull((long?)entry!["addsEvidenceTo"]);
        Assert.Equal("opposes", (string?)entry["from"]);
    }

    [Fact]
    public async Task A_save_equal_to_the_record_is_refused_and_points_to_adding_evidence()
    {
        var editor = await App.SignedInAsync("Editor");
        var save = await editor.PostAsJsonAsync("/api/v1/stances", new
        {
            member = "HUN", proposal = "ukraine-fund", stance = "opposes", effectiveDate = "2024-04-03", reason = "Same again.",
            evidence = new[] { new { source = Icaro, excerpt = "An excerpt." } },
            expectedVersion = await VersionAsync(editor, "HUN", "ukraine-fund"),
        });

        Assert.Equal(HttpStatusCode.BadRequest, save.StatusCode);
        var message = (string?)(await save.Content.ReadFromJsonAsync<JsonNode>())!["errors"]!["stance"]![0];
        Assert.Contains("Nothing changed", message);
        Assert.Contains("add the evidence to the existing entry", message);
    }

    [Fact]
    public async Task Evidence_for_a_cell_with_nothing_on_record_is_refused()
    {
        var editor = await App.SignedInAsync("Editor");
        var added = await editor.PostAsJsonAsync("/api/v1/stances/evidence", new
        {
            member = "FRA", proposal = "membership-invitation",
            evidence = new[] { new { source = Icaro, excerpt = "An excerpt." } },
            expectedVersion = await VersionAsync(editor, "FRA", "membership-invitation"),
        });

        Assert.Equal(HttpStatusCode.BadRequest, added.StatusCode);
        Assert.Contains("no stance on record", (string?)(await added.Content.ReadFromJsonAsync<JsonNode>())!["errors"]!["stance"]![0]);
    }

    [Fact]
    public async Task A_stance_effective_before_its_proposal_was_tabled_is_refused_like_a_decision()
    {
        var editor = await App.SignedInAsync("Editor");
        var proposal = await editor.PostAsJsonAsync("/api/v1/proposals", new
        {
            slug = "air-defence-pledge", summitSlug = "washington-2024", title = "Air defence pledge", description = "Allies pledge air-defence systems for Ukraine.",
            proposer = "NATO Secretary-General Jens Stoltenberg", tabledOn = "2024-06-01",
        });
        Assert.Equal(HttpStatusCode.Created, proposal.StatusCode);

        var early = await editor.PostAsJsonAsync("/api/v1/stances", new
        {
            member = "DEU", proposal = "air-defence-pledge", stance = "supports", effectiveDate = "2024-05-31", reason = "Too early.",
            evidence = new[] { new { source = Icaro, excerpt = "An excerpt." } },
            expectedVersion = await VersionAsync(editor, "DEU", "air-defence-pledge"),
        });
        var onTheDay = await editor.PostAsJsonAsync("/api/v1/stances", new
        {
            member = "DEU", proposal = "air-defence-pledge", stance = "supports", effectiveDate = "2024-06-01", reason = "On the day.",
            evidence = new[] { new { source = Icaro, excerpt = "An excerpt." } },
            expectedVersion = await VersionAsync(editor, "DEU", "air-defence-pledge"),
        });

        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains("before the proposal was tabled (2024-06-01)", (string?)(await early.Content.ReadFromJsonAsync<JsonNode>())!["errors"]!["effectiveOn"]![0]);
        Assert.Equal(HttpStatusCode.Created, onTheDay.StatusCode);
    }

    private sealed record CellBody(string Member, string Proposal, Guid? Version, string? Stance, string? RecordedBy);
}
