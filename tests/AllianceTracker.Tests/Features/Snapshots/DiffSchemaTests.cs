using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using AllianceTracker.Tests.Features.Accounts;
using AllianceTracker.Tests.Support;
using Json.Schema;
using Xunit.Abstractions;

namespace AllianceTracker.Tests.Features.Snapshots;

/// <summary>
/// The diff JSON the running app writes validates against its published schema
/// (docs/diff-schema-v1.json, dates checked as format: date), and says what it compares.
/// </summary>
public sealed class DiffSchemaTests(ITestOutputHelper output) : FreshAppTest<AccountsAppFactory>(output)
{
    private static readonly JsonSchema Schema = JsonSchema.FromFile(Path.Combine(AppContext.BaseDirectory, "diff-schema-v1.json"));

    private static string Today => DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<JsonElement> ValidDiffAsync(string query)
    {
        var diff = await App.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/diff.json?{query}");
        AssertValid(diff);
        Assert.Equal("alliance-tracker-diff", diff.GetProperty("format").GetString());
        Assert.Equal(1, diff.GetProperty("version").GetInt32());
        return diff;
    }

    private static void AssertValid(JsonElement document)
    {
        var result = Evaluate(document);
        Assert.True(result.IsValid, string.Join("; ", (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
    }

    private static EvaluationResults Evaluate(JsonElement document) =>
        Schema.Evaluate(document, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });

    private static void AssertSide(JsonElement side, string kind, string asOf, string? id)
    {
        Assert.Equal(kind, side.GetProperty("kind").GetString());
        Assert.Equal(asOf, side.GetProperty("asOf").GetString());
        Assert.Equal(id, side.GetProperty("id").GetString());
        Assert.False(string.IsNullOrEmpty(side.GetProperty("label").GetString()));
    }

    [Fact]
    public async Task Two_dates_give_both_sides_as_dates_and_each_new_entry_its_effective_date()
    {
        var diff = await ValidDiffAsync("from=2024-04-02&to=2024-04-05");

        AssertSide(diff.GetProperty("from"), "date", "2024-04-02", null);
        AssertSide(diff.GetProperty("to"), "date", "2024-04-05", null);
        Assert.Equal("2 April 2024", diff.GetProperty("from").GetProperty("label").GetString());
        var hungary = diff.GetProperty("cells").EnumerateArray()
            .Single(c => c.GetProperty("member").GetString() == "HUN" && c.GetProperty("proposal").GetString() == "ukraine-fund");
        Assert.Equal("2024-04-03", hungary.GetProperty("effectiveDate").GetString());
        Assert.True(hungary.GetProperty("effectiveDateApproximate").GetBoolean());
        Assert.Contains(diff.GetProperty("proposals").EnumerateArray(), p => p.GetProperty("change").GetString() == "tabled");
    }

    [Fact]
    public async Task A_snapshot_against_now_names_the_snapshot_by_id_and_its_date()
    {
        var editor = await App.SignedInAsync("Editor");
        var frozen = await editor.PostAsJsonAsync("/api/v1/snapshots", new { title = "Schema: before", asOf = "2024-04-02" });
        Assert.Equal(HttpStatusCode.Created, frozen.StatusCode);
        var id = (await frozen.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        var diff = await ValidDiffAsync($"from=snapshot:{id}&to=now");

        AssertSide(diff.GetProperty("from"), "snapshot", "2024-04-02", id);
        AssertSide(diff.GetProperty("to"), "now", Today, null);
        // The fields clients read before the sides were objects still say the same.
        Assert.Equal(diff.GetProperty("from").GetProperty("label").GetString(), diff.GetProperty("fromLabel").GetString());
        Assert.Equal(Today, diff.GetProperty("toAsOf").GetString());
        Assert.NotEmpty(diff.GetProperty("cells").EnumerateArray());
    }

    [Fact]
    public async Task A_decision_is_a_status_change_with_its_outcome_code_date_and_note()
    {
        var editor = await App.SignedInAsync("Editor");
        var decided = await editor.PostAsJsonAsync("/api/v1/proposals/ukraine-fund/outcomes", new
        {
            outcome = "dropped", decidedOn = "2024-07-10", note = "Schema test: dropped at the summit.",
            evidence = new[] { new { source = "icaro-2024-04-stoltenberg-ukraine-fund", excerpt = "Schema test excerpt." } },
        });
        Assert.Equal(HttpStatusCode.Created, decided.StatusCode);

        var diff = await ValidDiffAsync("from=2024-06-01&to=now");

        var status = diff.GetProperty("statuses").EnumerateArray().Single(s => s.GetProperty("proposal").GetString() == "ukraine-fund");
        Assert.Equal("blocked", status.GetProperty("from").GetString());
        Assert.Equal("dropped", status.GetProperty("to").GetString());
        Assert.Equal("dropped", status.GetProperty("outcome").GetString());
        Assert.Equal("2024-07-10", status.GetProperty("decidedOn").GetString());
        Assert.Equal("Schema test: dropped at the summit.", status.GetProperty("note").GetString());
        Assert.Equal("Schema test excerpt.", Assert.Single(status.GetProperty("evidence").EnumerateArray()).GetProperty("excerpt").GetString());
    }

    [Fact]
    public async Task An_empty_diff_validates_too()
    {
        var diff = await ValidDiffAsync("from=now&to=now");

        AssertSide(diff.GetProperty("from"), "now", Today, null);
        Assert.Empty(diff.GetProperty("cells").EnumerateArray());
        Assert.Empty(diff.GetProperty("statuses").EnumerateArray());
        Assert.Empty(diff.GetProperty("proposals").EnumerateArray());
    }

    [Theory]
    [InlineData("/from/kind", "\"yesterday\"")]
    [InlineData("/from/asOf", "\"2 April 2024\"")]
    [InlineData("/from/asOf", "\"2024-02-30\"")]
    [InlineData("/from/id", "\"k3x9\"")]
    [InlineData("/cells/0/effectiveDate", "\"April 2024\"")]
    [InlineData("/cells/0/to", "\"blocks\"")]
    [InlineData("/statuses/0/to", "\"pending\"")]
    public async Task The_schema_refuses_what_a_reader_could_not_rely_on(string path, string value)
    {
        var diff = JsonNode.Parse((await ValidDiffAsync("from=2024-04-02&to=2024-04-05")).GetRawText())!;
        var (parent, name) = Resolve(diff, path);
        parent[name] = JsonNode.Parse(value);

        Assert.False(Evaluate(JsonSerializer.SerializeToElement(diff)).IsValid, $"{path} = {value} was accepted");
    }

    private static (JsonNode Parent, string Name) Resolve(JsonNode root, string path)
    {
        var parts = path.Trim('/').Split('/');
        var node = root;
        foreach (var part in parts[..^1])
        {
            node = int.TryParse(part, out var index) ? node[index]! : node[part]!;
        }

        return (node, parts[^1]);
    }
}
