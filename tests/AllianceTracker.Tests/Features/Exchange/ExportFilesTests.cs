using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using AllianceTracker.Tests.Features.Accounts;
using AllianceTracker.Tests.Support;
using MiniExcelLibs;
using Xunit.Abstractions;

namespace AllianceTracker.Tests.Features.Exchange;

/// <summary>The downloaded files as spreadsheets and scripts read them (the Node interop suite opens them with exceljs and SheetJS too).</summary>
public sealed partial class ExportFilesTests(ITestOutputHelper output) : FreshAppTest<AccountsAppFactory>(output)
{
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    private static Task<HttpResponseMessage> RecordAsync(HttpClient editor, string member, string stance, string? conditions = null) =>
        editor.PostAsJsonAsync("/api/v1/stances", new
        {
            member, proposal = "ukraine-fund", stance, conditions, effectiveDate = "2024-06-03", reason = "Export files test.",
            evidence = new[] { new { source = "icaro-2024-04-stoltenberg-ukraine-fund", excerpt = "Export files test excerpt." } },
        });

    private static Dictionary<string, string> Parts(byte[] xlsx)
    {
        using var zip = new ZipArchive(new MemoryStream(xlsx));
        return zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal) || e.FullName.EndsWith(".rels", StringComparison.Ordinal))
            .ToDictionary(e => e.FullName, e => new StreamReader(e.Open()).ReadToEnd());
    }

    [Fact]
    public async Task The_workbook_is_plain_spreadsheetml_with_a_frozen_header_date_cells_and_no_empty_strings()
    {
        var editor = await App.SignedInAsync("Editor");
        Assert.Equal(HttpStatusCode.Created, (await RecordAsync(editor, "ROU", "conditional", "Only with a review in 2026.")).StatusCode);

        var bytes = await App.Anonymous().GetByteArrayAsync("/api/v1/exports/current.xlsx");
        var parts = Parts(bytes);

        // exceljs cannot read parts whose elements carry a namespace prefix (<x:worksheet>).
        Assert.All(parts, part => Assert.DoesNotMatch(@"<[a-z]+:(worksheet|workbook|sheetData|row|c|styleSheet)\b", part.Value));
        var sheets = parts.Where(p => p.Key.StartsWith("xl/worksheets/", StringComparison.Ordinal)).ToList();
        Assert.Equal(5, sheets.Count);
        Assert.All(sheets, sheet => Assert.Contains("<pane ySplit=\"1\" activePane=\"bottomLeft\" topLeftCell=\"A2\" state=\"frozen\"/>", sheet.Value));
        // No cell holds an empty string: an empty value is a cell without value or type, or no cell.
        Assert.All(sheets, sheet => Assert.DoesNotMatch(@"<t>\s*</t>|<v>\s*</v>|t=""str""", sheet.Value));
        Assert.Contains("formatCode=\"yyyy-mm-dd\"", parts["xl/styles.xml"]);

        using var stream = new MemoryStream(bytes);
        var fund = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "ukraine-fund").Cast<IDictionary<string, object?>>().ToList();
        var romania = fund.Single(r => (string?)r["Code"] == "ROU");
        Assert.Equal(new DateTime(2024, 6, 3), Assert.IsType<DateTime>(romania["Effective"]));
        Assert.Equal("Only with a review in 2026.", romania["Conditions"]);
        Assert.Null(fund.Single(r => (string?)r["Code"] == "ALB")["Conditions"]);
        // The seed article's dates are inferred ("c. 3 April 2024"); an editor's are stated.
        Assert.Equal("yes", fund.Single(r => (string?)r["Code"] == "HUN")["Approximate date"]);
        Assert.Equal("no", romania["Approximate date"]);
        stream.Position = 0;
        var sources = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "Sources").Cast<IDictionary<string, object?>>().ToList();
        Assert.IsType<DateTime>(sources.Single(s => (string?)s["Key"] == "icaro-2024-04-stoltenberg-ukraine-fund")["Published"]);
        stream.Position = 0;
        var summary = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "Summary").Cast<IDictionary<string, object?>>().ToList();
        Assert.All(summary, row => Assert.IsType<double>(row["Supports"]));
    }

    [Fact]
    public async Task The_summary_sheet_and_the_brief_name_who_opts_out_and_who_opposes()
    {
        var editor = await App.SignedInAsync("Editor");
        Assert.Equal(HttpStatusCode.Created, (await RecordAsync(editor, "POL", "opts-out")).StatusCode);

        using var stream = new MemoryStream(await App.Anonymous().GetByteArrayAsync("/api/v1/exports/current.xlsx"));
        var summary = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "Summary").Cast<IDictionary<string, object?>>().ToList();
        var brief = await App.Anonymous().GetStringAsync("/api/v1/exports/current.md");

        var fund = summary.Single(r => (string?)r["Proposal"] == "€100bn five-year fund for Ukraine");
        Assert.Equal(("Hungary", "Poland"), ((string?)fund["Opposing"], (string?)fund["Opting out"]));
        Assert.Contains("Opting out (not blocking): Poland.", brief);
    }

    [Fact]
    public async Task The_same_picture_gives_the_same_workbook_bytes_so_its_etag_holds()
    {
        var first = await App.Anonymous().GetAsync("/api/v1/exports/current.xlsx");
        var second = await App.Anonymous().GetAsync("/api/v1/exports/current.xlsx");

        Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await second.Content.ReadAsByteArrayAsync());
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        // Not only within the same two seconds (a zip's time resolution): no part says when it was
        // written, so a download tomorrow has the same bytes and an archived copy its hash.
        using var zip = new ZipArchive(new MemoryStream(await first.Content.ReadAsByteArrayAsync()));
        Assert.All(zip.Entries, part => Assert.Equal(new DateTime(1980, 1, 1), part.LastWriteTime.DateTime));
    }

    [Fact]
    public async Task Csv_starts_with_a_utf8_byte_order_mark_for_excel_unless_a_script_asks_without()
    {
        var withMark = await App.Anonymous().GetByteArrayAsync("/api/v1/exports/current.csv");
        var without = await App.Anonymous().GetByteArrayAsync("/api/v1/exports/current.csv?bom=false");

        Assert.Equal(Utf8Bom, withMark[..3]);
        Assert.Equal(withMark[3..], without);
        Assert.StartsWith("as_of,member", Encoding.UTF8.GetString(without));
        Assert.Contains("Türkiye", Encoding.UTF8.GetString(without));
        var refused = await App.Anonymous().GetAsync("/api/v1/exports/current.csv?bom=maybe");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("\"bom\"", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_diff_and_snapshot_csv_carry_the_mark_too()
    {
        var editor = await App.SignedInAsync("Editor");
        var created = await editor.PostAsJsonAsync("/api/v1/snapshots", new { title = "Mark test" });
        var id = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetString();

        Assert.Equal(Utf8Bom, (await App.Anonymous().GetByteArrayAsync($"/api/v1/snapshots/{id}/export.csv"))[..3]);
        Assert.Equal(Utf8Bom, (await App.Anonymous().GetByteArrayAsync($"/api/v1/diff.csv?from=snapshot:{id}"))[..3]);
        Assert.NotEqual(Utf8Bom, (await App.Anonymous().GetByteArrayAsync($"/api/v1/diff.csv?from=snapshot:{id}&bom=false"))[..3]);
    }

    [Fact]
    public async Task The_live_brief_says_it_is_not_a_snapshot_and_compares_only_when_asked()
    {
        var live = await App.Anonymous().GetStringAsync("/api/v1/exports/current.md");
        Assert.Contains("not a snapshot", live);
        Assert.DoesNotContain("first snapshot", live);
        Assert.DoesNotContain("What changed", live);

        var nothingYet = await App.Anonymous().GetStringAsync("/api/v1/exports/current.md?compare=latest-snapshot");
        Assert.Contains("## What changed since the latest snapshot", nothingYet);
        Assert.Contains("There is no snapshot yet to compare with.", nothingYet);

        var editor = await App.SignedInAsync("Editor");
        var created = await editor.PostAsJsonAsync("/api/v1/snapshots", new { title = "Before the change" });
        var id = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.Created, (await RecordAsync(editor, "PRT", "opposes")).StatusCode);

        var compared = await App.Anonymous().GetStringAsync("/api/v1/exports/current.md?compare=latest-snapshot");
        Assert.Contains($"snapshot {id}", compared);
        Assert.Contains("- Portugal on ", compared);
        Assert.Contains("→ Opposes", compared);
        Assert.DoesNotContain("What changed", await App.Anonymous().GetStringAsync("/api/v1/exports/current.md"));

        var snapshotBrief = await App.Anonymous().GetStringAsync($"/api/v1/snapshots/{id}/export.md");
        Assert.Contains($"Snapshot {id}", snapshotBrief);
        Assert.Contains("This is the first snapshot.", snapshotBrief);
        Assert.Equal(HttpStatusCode.BadRequest, (await App.Anonymous().GetAsync("/api/v1/exports/current.md?compare=yesterday")).StatusCode);
    }

    [Theory]
    [InlineData("eu=true", "eu")]
    [InlineData("b9=1", "b9")]
    [InlineData("stance=bogus", "stance")]
    [InlineData("sort=height", "sort")]
    [InlineData("region=Atlantis", "region")]
    [InlineData("on=no-such-proposal", "on")]
    [InlineData("summit=no-such-summit", "summit")]
    public async Task An_unknown_filter_value_is_refused_naming_the_accepted_values(string query, string parameter)
    {
        var response = await App.Anonymous().GetAsync($"/api/v1/exports/current.csv?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        var message = problem.GetProperty("errors").GetProperty(parameter)[0].GetString()!;
        Assert.Matches(AcceptedValues(), message);
    }

    [GeneratedRegex("use one of|yes or no")]
    private static partial Regex AcceptedValues();
}
