using System.Globalization;
using System.Text.RegularExpressions;
using AllianceTracker.Tests.Shared;
using AllianceTracker.Tests.Support;
using AllianceTracker.Web.Domain;
using AllianceTracker.Web.Features.Stances;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace AllianceTracker.Tests.Hosting;

/// <summary>Every reading page says how fresh its data is, and a past date's page says so in its title.</summary>
public sealed partial class FreshnessTests(ITestOutputHelper output) : FreshAppTest(output)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/proposals/ukraine-fund")]
    [InlineData("/members/FRA")]
    public async Task The_last_change_recorded_moves_with_a_save_even_one_dated_in_the_past(string address)
    {
        var before = Freshness(await App.Anonymous().GetStringAsync(address));
        var recorder = App.Services.GetRequiredService<StanceRecorder>();
        var cell = await recorder.GetCellAsync("FRA", "ukraine-fund");
        var saved = await recorder.RecordAsync(TestEditors.Editor("freshness-editor"), new StanceChangeInput(
            "FRA", "ukraine-fund", Stance.Supports, null, new DateOnly(2024, 5, 1), "Freshness test: dated two years back.",
            [new EvidenceInput("icaro-2024-04-stoltenberg-ukraine-fund", "A freshness test excerpt.")], cell.Version));

        var after = Freshness(await App.Anonymous().GetStringAsync(address));

        Assert.True(after.Version > before.Version, $"data version {before.Version} → {after.Version}");
        Assert.True(after.Recorded > before.Recorded);
        Assert.Equal(saved.Change.RecordedAtUtc, after.Recorded, TimeSpan.FromSeconds(1));
    }

    [Theory]
    [InlineData("/?asOf=2024-05-01", "Consensus dashboard, as of 1 May 2024 · AllianceTracker")]
    [InlineData("/proposals/ukraine-fund?asOf=2024-05-01", "€100bn five-year fund for Ukraine, as of 1 May 2024 · AllianceTracker")]
    [InlineData("/members/HUN?asOf=2024-05-01", "Hungary, as of 1 May 2024 · AllianceTracker")]
    [InlineData("/members/HUN", "Hungary · AllianceTracker")]
    public async Task A_past_dates_page_names_the_date_in_its_title(string address, string title)
    {
        var html = await App.Anonymous().GetStringAsync(address);

        Assert.Equal(title, System.Net.WebUtility.HtmlDecode(TitlePattern().Match(html).Groups[1].Value));
    }

    private static (DateTime Recorded, long Version) Freshness(string html)
    {
        var match = FreshnessPattern().Match(html);
        Assert.True(match.Success, "no freshness line on the page");
        return (DateTime.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal), long.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex("data-testid=\"freshness\"[^>]*>\\s*Last change recorded <time datetime=\"([^\"]+)\"[^<]*</time>\\s*· data version (\\d+)")]
    private static partial Regex FreshnessPattern();

    [GeneratedRegex("<title>([^<]*)</title>")]
    private static partial Regex TitlePattern();
}
