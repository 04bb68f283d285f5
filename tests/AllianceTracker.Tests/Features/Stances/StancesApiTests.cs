using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using AllianceTracker.Tests.Support;

namespace AllianceTracker.Tests.Features.Stances;

public sealed class StancesApiTests : FreshAppTest
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

    private sealed record CellBody(string Member, string Proposal, Guid? Version, string? Stance, string? RecordedBy);
}
