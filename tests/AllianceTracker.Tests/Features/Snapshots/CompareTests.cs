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
        Assert.Equal("kind,from,to,member,member_name,proposal,proposal_title,before,after,conditions_after,rationale,decided_on,replaced_by,sources,excerpts", rows[0]);
        Assert.Contains("ICARO Media Group: NATO Secretary-General Pushes for International Support to Bolster Ukraine's Security", csv);
        Assert.Contains("One potential obstacle to consensus is Hungary", csv);
        // The decision is a row of its own, with ISO dates and codes like every other CSV.
        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"decision,2024-04-02,{today},,,ukraine-fund,€100bn five-year fund for Ukraine,not-tabled,dropped,,Compare test.,2024-07-10,,", csv);
        Assert.Contains($"stance,2024-04-02,{today},HUN,Hungary,ukraine-fund,€100bn five-year fund for Ukraine,unknown,opposes,", csv);
        Assert.DoesNotContain("April 2024", csv);
        Assert.Contains("€100bn five-year fund for Ukraine</strong></a>: Blocked → <strong>Dropped</strong> on 10 July 2024", page);
        Assert.Contains("Compare test.", page);
        Assert.Contains("“Compare test excerpt.”", page);
    }
}
