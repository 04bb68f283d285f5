using System.Net;
using System.Net.Http.Json;
using AllianceTracker.Tests.Features.Accounts;
using AllianceTracker.Tests.Support;
using Xunit.Abstractions;

namespace AllianceTracker.Tests.Features.Snapshots;

/// <summary>Compare takes any two dates (or snapshots) from its form and says what changed in words, with sources.</summary>
public sealed class CompareTests(ITestOutputHelper output) : FreshAppTest<AccountsAppFactory>(output)
{
    // The page as text to search: entities decoded, CSS isolation's scope attributes ("b-…") left out.
    private async Task<string> PageAsync(string url) =>
        System.Text.RegularExpressions.Regex.Replace(WebUtility.HtmlDecode(await App.Anonymous().GetStringAsync(url)), " b-[a-z0-9]{10}", "");

    [Fact]
    public async Task Two_dates_from_the_form_fields_compare_with_titles_labels_and_sourced_quotes()
    {
        var html = await PageAsync("/compare?from=date&fromDate=2024-04-02&to=date&toDate=2024-04-05");

        Assert.Contains("2 April 2024 → 5 April 2024", html);
        Assert.Contains("€100bn five-year fund for Ukraine</strong></a>: Tabled", html);
        Assert.Contains("€100bn five-year fund for Ukraine</strong></a>: Not yet tabled → <strong>Blocked</strong>", html);
        Assert.Contains("Unknown → <strong>Opposes</strong>", html);
        Assert.Contains("“One potential obstacle to consensus is Hungary, which has rejected the NATO proposals.”", html);
        Assert.Contains("NATO Secretary-General Pushes for International Support to Bolster Ukraine's Security, ICARO Media Group", html.Replace("\n", " ").Replace("  ", " "));
        Assert.DoesNotContain(">ukraine-fund<", html);
    }

    [Fact]
    public async Task A_future_date_or_a_missing_date_is_refused_with_a_message()
    {
        var future = WebUtility.HtmlDecode(await App.Anonymous().GetStringAsync("/compare?from=date&fromDate=2030-01-01&to=now"));
        var missing = WebUtility.HtmlDecode(await App.Anonymous().GetStringAsync("/compare?from=date&to=now"));
        var api = await App.Anonymous().GetAsync("/api/v1/diff.csv?from=2030-01-01&to=now");

        Assert.Contains("2030-01-01 is in the future", future);
        Assert.Contains("Give the date to compare ('from')", missing);
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
    }

    [Fact]
    public async Task The_diff_csv_carries_the_evidence_and_its_sources_and_a_decision_shows_as_a_status_change()
    {
        var editor = await App.SignedInAsync("Editor");
        await editor.PostAsJsonAsync("/api/v1/proposals/ukraine-fund/outcomes", new
        {
            outcome = "dropped", decidedOn = "2024-07-10", note = "Compare test.",
            evidence = new[] { new { source = "icaro-2024-04-stoltenberg-ukraine-fund", excerpt = "Compare test excerpt." } },
        });

        var csv = await App.Anonymous().GetStringAsync("/api/v1/diff.csv?from=2024-04-02&to=now");
        var page = await PageAsync("/compare?from=date&fromDate=2024-07-01&to=now");

        var rows = csv.TrimStart('\uFEFF').Split("\r\n");
        Assert.Equal(
            "kind,from,to,member,member_name,proposal,proposal_title,before,after,conditions_after,rationale,decided_on,replaced_by,sources,excerpts,"
            + "from_kind,from_snapshot,to_kind,to_snapshot,effective_date,effective_date_approximate,outcome", rows[0]);
        Assert.Contains("ICARO Media Group: NATO Secretary-General Pushes for International Support to Bolster Ukraine's Security", csv);
        Assert.Contains("One potential obstacle to consensus is Hungary", csv);
        // The decision is a row of its own, with ISO dates and codes like every other CSV.
        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"decision,2024-04-02,{today},,,ukraine-fund,€100bn five-year fund for Ukraine,not-tabled,dropped,,Compare test.,2024-07-10,,", csv);
        Assert.Contains($"stance,2024-04-02,{today},HUN,Hungary,ukraine-fund,€100bn five-year fund for Ukraine,unknown,opposes,", csv);
        // Both sides by kind (and snapshot id), the outcome code of a decision, the new entry's effective date.
        Assert.EndsWith(",date,,now,,,,dropped", rows.Single(r => r.StartsWith("decision,", StringComparison.Ordinal) && r.Contains(",ukraine-fund,", StringComparison.Ordinal)));
        Assert.EndsWith(",date,,now,,2024-04-03,true,", rows.Single(r => r.StartsWith("stance,", StringComparison.Ordinal) && r.Contains(",HUN,Hungary,ukraine-fund,", StringComparison.Ordinal)));
        Assert.DoesNotContain("April 2024", csv);
        Assert.Contains("€100bn five-year fund for Ukraine</strong></a>: Blocked → <strong>Dropped</strong> on 10 July 2024", page);
        Assert.Contains("Compare test.", page);
        Assert.Contains("“Compare test excerpt.”", page);
    }

    [Fact]
    public async Task The_diff_workbook_says_what_it_compares_and_gives_codes_beside_names()
    {
        var editor = await App.SignedInAsync("Editor");
        var frozen = await editor.PostAsJsonAsync("/api/v1/snapshots", new { title = "Workbook: before", asOf = "2024-04-02" });
        var id = (await frozen.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetString()!;

        using var response = await App.Anonymous().GetAsync($"/api/v1/diff.xlsx?from=snapshot:{id}&to=2024-04-05");
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());

        Assert.Equal($"alliance-diff-snapshot-{id}-to-2024-04-05.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal(["Compared", "Changes", "Status", "Proposals"], MiniExcelLibs.MiniExcel.GetSheetNames(stream));
        var compared = Sheet(stream, "Compared");
        Assert.Equal(["from", "to"], compared.Select(r => (string)r["Side"]));
        Assert.Equal("snapshot", compared[0]["Kind"]);
        Assert.Equal(new DateTime(2024, 4, 2), compared[0]["As of"]);
        Assert.Equal(id, compared[0]["Snapshot"]);
        Assert.Equal("date", compared[1]["Kind"]);
        Assert.Null(compared[1]["Snapshot"]);
        Assert.EndsWith($"/api/v1/diff.xlsx?from=snapshot:{id}&to=2024-04-05", (string)compared[0]["Generated from"]);
        var hungary = Sheet(stream, "Changes").Single(r => (string)r["Member code"] == "HUN" && (string)r["Proposal slug"] == "ukraine-fund");
        Assert.Equal("Hungary", hungary["Member"]);
        Assert.Equal(("unknown", "Unknown", "opposes", "Opposes"), ((string)hungary["Before code"], (string)hungary["Before"], (string)hungary["After code"], (string)hungary["After"]));
        Assert.Equal(new DateTime(2024, 4, 3), hungary["Effective"]);
        Assert.Equal("yes", hungary["Approximate date"]);
        Assert.Contains(Sheet(stream, "Status"), r => (string)r["Proposal slug"] == "ukraine-fund" && (string)r["Before code"] == "not-tabled" && (string)r["After code"] == "blocked");
        Assert.Contains(Sheet(stream, "Proposals"), r => (string)r["Proposal slug"] == "ukraine-fund" && (string)r["Change"] == "tabled");
    }

    private static List<IDictionary<string, object>> Sheet(MemoryStream stream, string name)
    {
        stream.Position = 0;
        return MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true, sheetName: name).Cast<IDictionary<string, object>>().ToList();
    }
}
