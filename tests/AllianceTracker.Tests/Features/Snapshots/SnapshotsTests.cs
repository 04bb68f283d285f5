using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AllianceTracker.Tests.Features.Accounts;
using AllianceTracker.Tests.Support;
using Json.Schema;
using Microsoft.Data.Sqlite;
using MiniExcelLibs;
using Xunit.Abstractions;

namespace AllianceTracker.Tests.Features.Snapshots;

public sealed class SnapshotsTests(ITestOutputHelper output) : FreshAppTest<AccountsAppFactory>(output)
{
    private sealed record SnapshotBody(string Id, string Title, string AsOf, string Sha256, bool? HashVerifies, string Permalink);

    private sealed record Written(long Id, Guid? Version);

    private static async Task<SnapshotBody> FreezeAsync(HttpClient editor, string title, string? asOf = null)
    {
        var response = await editor.PostAsJsonAsync("/api/v1/snapshots", new { title, note = "Test snapshot.", asOf });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<SnapshotBody>())!;
    }

    private static Task<HttpResponseMessage> RecordAsync(HttpClient editor, string member, string proposal, string stance, string reason, Guid? version = null) =>
        editor.PostAsJsonAsync("/api/v1/stances", new
        {
            member, proposal, stance, effectiveDate = "2024-06-03", reason, expectedVersion = version,
            evidence = new[] { new { source = "icaro-2024-04-stoltenberg-ukraine-fund", excerpt = "Snapshot test excerpt." } },
        });

    [Fact]
    public async Task A_snapshot_workbook_is_the_same_bytes_each_time_kept_for_good_and_revalidates_whatever_the_encoding()
    {
        var editor = await App.SignedInAsync("Editor");
        var snapshot = await FreezeAsync(editor, "Workbook bytes", "2024-07-01");
        var address = $"/api/v1/snapshots/{snapshot.Id}/export.xlsx";
        var client = App.Anonymous();

        using var first = await client.GetAsync(address);
        using var second = await client.GetAsync(address);

        Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await second.Content.ReadAsByteArrayAsync());
        Assert.Equal("public, max-age=31536000, immutable", first.Headers.CacheControl?.ToString());
        var tag = first.Headers.ETag!;
        Assert.True(tag.IsWeak, "one tag for the br, gzip and identity bodies is a weak one");
        foreach (var encoding in new[] { "br", "gzip", "identity" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, address);
            request.Headers.TryAddWithoutValidation("Accept-Encoding", encoding);
            request.Headers.TryAddWithoutValidation("If-None-Match", tag.ToString());
            using var again = await client.SendAsync(request);
            Assert.True(again.StatusCode == HttpStatusCode.NotModified, $"{encoding}: {(int)again.StatusCode}");
        }
    }

    [Fact]
    public async Task The_latest_snapshot_has_an_address_of_its_own_in_the_api_and_as_a_page()
    {
        var reader = App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/api/v1/snapshots/latest")).StatusCode);
        Assert.Equal("/snapshots", (await reader.GetAsync("/snapshots/latest")).Headers.Location?.OriginalString);

        var editor = await App.SignedInAsync("Editor");
        await FreezeAsync(editor, "Latest: first");
        var second = await FreezeAsync(editor, "Latest: second");

        var latest = await reader.GetFromJsonAsync<SnapshotBody>("/api/v1/snapshots/latest");
        Assert.Equal((second.Id, "Latest: second"), (latest!.Id, latest.Title));
        var page = await reader.GetAsync("/snapshots/latest");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal($"/snapshots/{second.Id}", page.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_snapshot_is_frozen_citable_and_its_hash_verifies()
    {
        var editor = await App.SignedInAsync("Editor");
        var snapshot = await FreezeAsync(editor, "Before the summit", "2024-07-01");

        var fetched = await App.Anonymous().GetFromJsonAsync<SnapshotBody>($"/api/v1/snapshots/{snapshot.Id}");
        var json = await App.Anonymous().GetByteArrayAsync($"/api/v1/snapshots/{snapshot.Id}/export.json");
        var page = await App.Anonymous().GetStringAsync(snapshot.Permalink);

        Assert.True(fetched!.HashVerifies);
        // The permalink is what a citation carries: absolute (the request's host where no public base URL is set).
        Assert.Equal($"http://localhost/snapshots/{snapshot.Id}", snapshot.Permalink);
        Assert.Equal(snapshot.Permalink, fetched.Permalink);
        Assert.Null((await App.Anonymous().GetFromJsonAsync<List<SnapshotBody>>("/api/v1/snapshots"))!.Single(s => s.Id == snapshot.Id).HashVerifies);
        Assert.Equal(snapshot.Sha256, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(json)));
        Assert.Equal("2024-07-01", snapshot.AsOf);
        Assert.Contains("Before the summit", page);
        Assert.Contains(snapshot.Sha256, page);
        Assert.Contains("Verified: the content matches its hash", page);
        Assert.Contains("Blocked by Hungary", page);
    }

    [Fact]
    [Trait("Database", "SqliteOnly")]
    public async Task Later_changes_do_not_touch_a_snapshot_and_the_database_refuses_to_alter_one()
    {
        var editor = await App.SignedInAsync("Editor");
        var snapshot = await FreezeAsync(editor, "Frozen");
        await RecordAsync(editor, "BEL", "ukraine-fund", "supports", "Snapshot test: Belgium backs the fund.");

        var frozen = await App.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/snapshots/{snapshot.Id}/export.json");
        var belgium = frozen.GetProperty("positions").EnumerateArray().Single(p => p.GetProperty("member").GetString() == "BEL" && p.GetProperty("proposal").GetString() == "ukraine-fund");
        Assert.Equal("unknown", belgium.GetProperty("stance").GetString());

        await using var connection = new SqliteConnection($"Data Source={App.DatabasePath}");
        await connection.OpenAsync();
        await using var update = connection.CreateCommand();
        update.CommandText = "UPDATE Snapshots SET Title = 'rewritten'";
        var error = await Assert.ThrowsAsync<SqliteException>(() => update.ExecuteNonQueryAsync());
        Assert.Contains("immutable", error.Message);
        Assert.True((await App.Anonymous().GetFromJsonAsync<SnapshotBody>($"/api/v1/snapshots/{snapshot.Id}"))!.HashVerifies);
    }

    [Fact]
    public async Task The_diff_lists_changed_cells_retractions_included_and_consensus_status_changes()
    {
        var editor = await App.SignedInAsync("Editor");
        var before = await FreezeAsync(editor, "Diff: before");
        await RecordAsync(editor, "CZE", "ramstein-coordination", "supports", "Diff test: Czechia backs Ramstein.");
        var hungary = await editor.GetFromJsonAsync<JsonElement>("/api/v1/stances/cell?member=HUN&proposal=ramstein-coordination");
        var hungaryEntries = await editor.GetStringAsync("/audit?member=HUN&proposal=ramstein-coordination");
        var entryId = System.Text.RegularExpressions.Regex.Match(hungaryEntries, "data-entry=\"(\\d+)\"").Groups[1].Value;
        var retraction = await editor.PostAsJsonAsync($"/api/v1/stances/{entryId}/retraction",
            new { reason = "Diff test: misread.", expectedVersion = hungary.GetProperty("version").ValueKind == JsonValueKind.Null ? (Guid?)null : hungary.GetProperty("version").GetGuid() });
        Assert.Equal(HttpStatusCode.Created, retraction.StatusCode);
        var after = await FreezeAsync(editor, "Diff: after");

        var diff = await App.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/diff.json?from=snapshot:{before.Id}&to=snapshot:{after.Id}");

        var cells = diff.GetProperty("cells").EnumerateArray().Where(c => c.GetProperty("proposal").GetString() == "ramstein-coordination").ToList();
        Assert.Contains(cells, c => c.GetProperty("member").GetString() == "CZE" && c.GetProperty("from").GetString() == "unknown" && c.GetProperty("to").GetString() == "supports");
        Assert.Contains(cells, c => c.GetProperty("member").GetString() == "HUN" && c.GetProperty("from").GetString() == "opposes" && c.GetProperty("to").GetString() == "unknown");
        Assert.Contains(diff.GetProperty("statuses").EnumerateArray(),
            s => s.GetProperty("proposal").GetString() == "ramstein-coordination" && s.GetProperty("from").GetString() == "blocked" && s.GetProperty("to").GetString() == "open");
        var page = await App.Anonymous().GetStringAsync($"/compare?from=snapshot:{before.Id}&to=snapshot:{after.Id}");
        Assert.Contains("Diff test: Czechia backs Ramstein.", page);
    }

    [Fact]
    public async Task Csv_cells_that_a_spreadsheet_would_run_as_formulas_are_neutralised()
    {
        var editor = await App.SignedInAsync("Editor");
        await RecordAsync(editor, "PRT", "membership-invitation", "undecided", "=HYPERLINK(\"http://evil.example\",\"click\")");

        var response = await App.Anonymous().GetAsync("/api/v1/exports/current.csv?q=PRT");
        var csv = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("alliance-consensus-", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Contains("'=HYPERLINK", csv);
        Assert.DoesNotContain(",=HYPERLINK", csv);
        Assert.DoesNotContain(",\"=HYPERLINK", csv);
        // The view's filter applies: every row is Portugal's, one per proposal.
        var rows = csv.Trim().Split('\n').Skip(1).ToList();
        Assert.True(rows.Count >= 3);
        Assert.All(rows, row => Assert.Equal("PRT", row.Split(',')[1]));
    }

    [Fact]
    public async Task The_xlsx_reads_back_with_a_summary_a_sheet_per_proposal_and_the_sources_and_text_stays_text()
    {
        var editor = await App.SignedInAsync("Editor");
        await RecordAsync(editor, "ROU", "ukraine-fund", "supports", "=1+1");

        var bytes = await App.Anonymous().GetByteArrayAsync("/api/v1/exports/current.xlsx");
        using var stream = new MemoryStream(bytes);

        var sheets = MiniExcel.GetSheetNames(stream);
        Assert.Equal("Summary", sheets[0]);
        Assert.Contains("ukraine-fund", sheets);
        Assert.Contains("ramstein-coordination", sheets);
        Assert.Equal("Sources", sheets[^1]);
        stream.Position = 0;
        var fund = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "ukraine-fund").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(32, fund.Count);
        Assert.Equal("=1+1", fund.Single(r => (string)r["Code"] == "ROU")["Rationale"]);
        stream.Position = 0;
        var summary = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "Summary").Cast<IDictionary<string, object>>().ToList();
        Assert.Contains(summary, r => (string)r["Status"] == "blocked");
    }

    [Fact]
    public async Task The_json_export_validates_against_the_published_schema()
    {
        var schema = Schema("export-schema-v2.json");
        var editor = await App.SignedInAsync("Editor");
        var decided = await editor.PostAsJsonAsync("/api/v1/proposals/ramstein-coordination/outcomes", new
        {
            outcome = "adopted-amended", decidedOn = "2024-07-10", note = "Schema test: adopted as NSATU.",
            evidence = new[] { new { newSource = new { title = "Washington Summit Declaration", outlet = "NATO", publishedDate = "2024-07-10", kind = "declaration" }, excerpt = "Schema test excerpt." } },
        });
        Assert.Equal(HttpStatusCode.Created, decided.StatusCode);
        var json = await App.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/exports/current.json");

        var result = schema.Evaluate(json, new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(result.IsValid, string.Join("; ", (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
        Assert.Equal("alliance-tracker-export", json.GetProperty("format").GetString());
        Assert.Equal(2, json.GetProperty("version").GetInt32());
        var ramstein = json.GetProperty("proposals").EnumerateArray().Single(p => p.GetProperty("slug").GetString() == "ramstein-coordination");
        Assert.Equal("adopted-amended", ramstein.GetProperty("decision").GetProperty("outcome").GetString());
    }

    [Fact]
    public void The_canonical_json_escapes_only_what_data_format_md_says()
    {
        var text = JsonSerializer.Serialize("😀 € ü < & ' \" \\ \n \u0001", Web.Features.Exchange.ExportDocument.Canonical);

        Assert.Equal("\"\\uD83D\\uDE00 € ü < & ' \\\" \\\\ \\n \\u0001\"", text);
    }

    // JsonSchema.Net registers a schema by its $id once per process: each file is loaded once.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, JsonSchema> Schemas = new();

    private static JsonSchema Schema(string file) => Schemas.GetOrAdd(file, f => JsonSchema.FromFile(Path.Combine(AppContext.BaseDirectory, f)));

    [Theory]
    [InlineData("export-schema-v1.json")]
    [InlineData("export-schema-v2.json")]
    public async Task The_schemas_refuse_a_date_that_does_not_exist(string file)
    {
        var schema = Schema(file);
        var json = System.Text.Json.Nodes.JsonNode.Parse(await App.Anonymous().GetStringAsync("/api/v1/exports/current.json"))!;
        json["version"] = file.Contains("v1", StringComparison.Ordinal) ? 1 : 2;
        var options = new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true };
        var valid = schema.Evaluate(JsonDocument.Parse(json.ToJsonString()).RootElement, options).IsValid;

        // Right shape, impossible month and day: the pattern alone let it through.
        json["asOf"] = "2024-13-45";

        Assert.True(valid || file.Contains("v1", StringComparison.Ordinal), "today's export should validate against version 2");
        Assert.False(schema.Evaluate(JsonDocument.Parse(json.ToJsonString()).RootElement, options).IsValid);
    }

    [Fact]
    public async Task The_markdown_brief_gives_the_headline_blockers_conditions_changes_and_sources()
    {
        var editor = await App.SignedInAsync("Editor");
        await FreezeAsync(editor, "Brief: first");
        await RecordAsync(editor, "HRV", "ukraine-fund", "opts-out", "Brief test.");
        var second = await FreezeAsync(editor, "Brief: second");

        var response = await App.Anonymous().GetAsync($"/api/v1/snapshots/{second.Id}/export.md");
        var brief = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/markdown", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("## €100bn five-year fund for Ukraine", brief);
        Assert.Contains("**BLOCKED** — blocked by Hungary", brief);
        Assert.Contains("Condition from Spain", brief);
        Assert.Contains("Croatia on €100bn five-year fund for Ukraine: Unknown → Opts out", brief);
        Assert.Contains("ICARO Media Group", brief);
    }

    [Theory]
    [InlineData("/api/v1/exports/current.pdf", "format")]
    [InlineData("/api/v1/exports/current.csv?asOf=2024-02-30", "asOf")]
    [InlineData("/api/v1/diff.json?from=not-a-thing", "from")]
    public async Task Bad_export_parameters_are_400_problems_naming_the_parameter(string url, string parameter)
    {
        var response = await App.Anonymous().GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _));
    }

    [Fact]
    public async Task Only_editors_can_freeze_a_snapshot()
    {
        var anonymous = await App.Anonymous().PostAsJsonAsync("/api/v1/snapshots", new { title = "Sneaky" });
        var reader = await (await App.SignedInAsync(null)).PostAsJsonAsync("/api/v1/snapshots", new { title = "Sneaky" });

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, reader.StatusCode);
    }
}
