using System.Globalization;
using System.Text.Json;
using AllianceTracker.Tests.Shared;
using AllianceTracker.Tests.Support;
using AllianceTracker.Web.Domain;
using AllianceTracker.Web.Features.Exchange;
using AllianceTracker.Web.Features.Proposals;
using AllianceTracker.Web.Features.Stances;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace AllianceTracker.Tests.Features.Exchange;

/// <summary>
/// The tidy tables and their data package on a history with a retraction, a decision with
/// evidence, a stance starting with a formula trigger: every row matches the table's schema, and
/// every key the package declares holds.
/// </summary>
public sealed class TidyTablesTests(ITestOutputHelper output) : FreshAppTest(output)
{
    public override async Task InitializeAsync()
    {
        var recorder = App.Services.GetRequiredService<StanceRecorder>();
        var cell = await recorder.GetCellAsync("FRA", "ramstein-coordination");
        var saved = await recorder.RecordAsync(TestEditors.Editor("tidy-editor"), new StanceChangeInput(
            "FRA", "ramstein-coordination", Stance.Conditional, "-only with a NATO command", new DateOnly(2024, 6, 14), "Tidy tables test.",
            [new EvidenceInput("icaro-2024-04-stoltenberg-ukraine-fund", "A first excerpt."), new EvidenceInput("icaro-2024-04-stoltenberg-ukraine-fund", "=A second excerpt.")], cell.Version));
        await recorder.RetractAsync(TestEditors.Editor("tidy-corrector"), saved.Change.Id, "Tidy test: misread.", saved.CellVersion);
        await App.Services.GetRequiredService<ProposalAdministration>().RecordDecisionAsync(TestEditors.Editor("tidy-editor"), "ramstein-coordination",
            new DecisionInput(ProposalOutcome.AdoptedAmended, new DateOnly(2024, 7, 10), "Adopted as NSATU.", [new EvidenceInput("icaro-2024-04-stoltenberg-ukraine-fund", "A decision excerpt.")]));
    }

    [Fact]
    public async Task Every_row_of_every_table_fits_its_schema_and_every_key_holds()
    {
        var tables = new Dictionary<string, List<Dictionary<string, string>>>();
        foreach (var table in TidyTables.All)
        {
            tables[table.Name] = await RowsAsync(table, "?bom=false&formulaGuard=false");
        }

        foreach (var table in TidyTables.All)
        {
            var rows = tables[table.Name];
            Assert.NotEmpty(rows);
            foreach (var row in rows)
            {
                foreach (var field in table.Fields)
                {
                    var value = row[field.Name];
                    Assert.False(field.Required && value.Length == 0, $"{table.Name}.{field.Name} is required but empty");
                    Assert.True(value.Length == 0 || Fits(field, value), $"{table.Name}.{field.Name} holds '{value}', not a {field.Type}{(field.Enum is null ? "" : " code")}");
                }
            }

            var keys = rows.Select(row => string.Join('|', table.PrimaryKey.Select(k => row[k]))).ToList();
            Assert.Equal(keys.Count, keys.Distinct().Count());
            foreach (var foreign in table.ForeignKeys)
            {
                var known = tables[foreign.Resource].Select(row => row[foreign.ReferenceField]).ToHashSet();
                Assert.All(rows.Where(row => row[foreign.Field].Length > 0), row => Assert.Contains(row[foreign.Field], known));
            }
        }
    }

    [Fact]
    public async Task A_retracted_entry_stays_marked_and_a_decision_and_its_evidence_are_rows()
    {
        var history = await RowsAsync(TidyTables.History, "?bom=false");
        var retracted = Assert.Single(history, row => row["rationale"] == "Tidy tables test.");
        Assert.Equal(("unknown", "conditional", "true", "Tidy test: misread.", "2024-06-14"),
            (retracted["stance_before"], retracted["stance"], retracted["retracted"], retracted["retraction_reason"], retracted["effective_date"]));
        // The public name, never the login (an editor with no account here: "A former editor").
        Assert.Equal("A former editor", retracted["recorded_by"]);

        var decision = Assert.Single(await RowsAsync(TidyTables.Decisions, "?bom=false"));
        Assert.Equal(("ramstein-coordination", "adopted-amended", "2024-07-10", "false"), (decision["proposal"], decision["outcome"], decision["decided_on"], decision["retracted"]));

        var evidence = await RowsAsync(TidyTables.Evidence, "?bom=false&formulaGuard=false");
        Assert.Equal(["1", "2"], evidence.Where(row => row["entry_kind"] == "stance" && row["entry_id"] == retracted["id"]).Select(row => row["position"]));
        Assert.Contains(evidence, row => row["entry_kind"] == "decision" && row["excerpt"] == "A decision excerpt." && row["member"] == "");
    }

    [Fact]
    public async Task The_formula_guard_is_on_for_spreadsheets_and_off_when_a_script_asks()
    {
        var guarded = await RowsAsync(TidyTables.History, "");
        var plain = await RowsAsync(TidyTables.History, "?formulaGuard=false");

        Assert.Contains(guarded, row => row["conditions"] == "'-only with a NATO command");
        Assert.Contains(plain, row => row["conditions"] == "-only with a NATO command");
        var refused = await App.CreateClient().GetAsync("/api/v1/exports/history.csv?formulaGuard=maybe");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("formulaGuard", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_package_describes_every_table_with_the_same_fields_as_its_file()
    {
        using var package = JsonDocument.Parse(await App.CreateClient().GetStringAsync("/api/v1/exports/datapackage.json"));
        var resources = package.RootElement.GetProperty("resources").EnumerateArray().ToList();

        Assert.Equal("tabular-data-package", package.RootElement.GetProperty("profile").GetString());
        Assert.Equal(TidyTables.All.Select(t => t.Name), resources.Select(r => r.GetProperty("name").GetString()));
        foreach (var resource in resources)
        {
            var path = new Uri(resource.GetProperty("path").GetString()!);
            var header = (await App.CreateClient().GetStringAsync(path.PathAndQuery)).Split("\r\n")[0];
            var fields = resource.GetProperty("schema").GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("name").GetString());
            Assert.Equal(header, string.Join(',', fields));
        }
    }

    private async Task<List<Dictionary<string, string>>> RowsAsync(TidyTable table, string query)
    {
        var rows = CsvText.Rows(await App.CreateClient().GetStringAsync($"/api/v1/exports/{table.FileName}{query}"));
        Assert.Equal(table.Fields.Select(f => f.Name), rows[0]);
        return rows.Skip(1).Select(cells => rows[0].Zip(cells).ToDictionary(p => p.First, p => p.Second)).ToList();
    }

    private static bool Fits(TableField field, string value) => field.Type switch
    {
        "integer" => long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
        "boolean" => value is "true" or "false",
        "date" => DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        "datetime" => DateTime.TryParseExact(value, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out _),
        _ => field.Enum is null || field.Enum.Contains(value),
    };
}
