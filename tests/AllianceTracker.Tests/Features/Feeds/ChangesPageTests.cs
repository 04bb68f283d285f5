using System.Net;
using AllianceTracker.Tests.Shared;
using AllianceTracker.Tests.Support;
using AllianceTracker.Web.Domain;
using AllianceTracker.Web.Features.Snapshots;
using AllianceTracker.Web.Features.Stances;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace AllianceTracker.Tests.Features.Feeds;

/// <summary>/changes lists what was recorded since a moment, by recording time: backdated entries are news too.</summary>
public sealed class ChangesPageTests(ITestOutputHelper output) : FreshAppTest(output)
{
    [Fact]
    public async Task An_entry_recorded_today_but_dated_2024_is_listed_as_new_with_its_evidence()
    {
        var id = await RecordAsync("FRA", Stance.Supports, "France backs the fund, a 2024 statement recorded today.");

        var document = new HtmlParser().ParseDocument(await App.Anonymous().GetStringAsync("/changes"));

        var change = document.QuerySelector($"li.change[data-kind='change'][data-entry='{id}']");
        Assert.NotNull(change);
        Assert.Contains("France", change.QuerySelector(".change-what")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("dated 1 May 2024, recorded later", change.QuerySelector("[data-testid='backdated']")!.TextContent);
        Assert.Equal("France backs the fund, a 2024 statement recorded today.", change.QuerySelector(".change-why")!.TextContent);
        Assert.Contains("A changes-page test excerpt.", change.QuerySelector(".evidence-list")!.TextContent, StringComparison.Ordinal);
        // The seeded entries were recorded when the app started, today: listed too, newest first.
        var listed = document.QuerySelectorAll("li.change").Select(li => li.GetAttribute("data-entry")).ToList();
        Assert.Equal(id.ToString(System.Globalization.CultureInfo.InvariantCulture), listed[0]);
    }

    [Fact]
    public async Task Since_a_snapshot_lists_only_what_was_recorded_after_it()
    {
        var before = await RecordAsync("BEL", Stance.Undecided, "Recorded before the snapshot.");
        var snapshot = await App.Services.GetRequiredService<SnapshotService>().CreateAsync(TestEditors.Editor("changes-editor"), "Changes test", null, null);
        var after = await RecordAsync("NLD", Stance.Supports, "Recorded after the snapshot.");

        var document = new HtmlParser().ParseDocument(await App.Anonymous().GetStringAsync($"/changes?snapshot={snapshot.Id}"));

        var listed = document.QuerySelectorAll("li.change").Select(li => li.GetAttribute("data-entry")).ToList();
        Assert.Equal([after.ToString(System.Globalization.CultureInfo.InvariantCulture)], listed);
        Assert.Contains("1 entry recorded since the snapshot “Changes test”", document.QuerySelector("[data-testid='changes-heading']")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(before.ToString(System.Globalization.CultureInfo.InvariantCulture), listed);
    }

    [Theory]
    [InlineData("/changes?since=yesterday-ish", "'yesterday-ish' is not a date")]
    [InlineData("/changes?since=2999-01-01", "'2999-01-01' is not a date")]
    [InlineData("/changes?snapshot=nope", "There is no snapshot 'nope'")]
    public async Task A_bad_since_says_what_is_wrong_and_shows_since_yesterday(string address, string problem)
    {
        var document = new HtmlParser().ParseDocument(await App.Anonymous().GetStringAsync(address));

        Assert.StartsWith(problem, document.QuerySelector("[data-testid='changes-problem']")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("since yesterday", document.QuerySelector("[data-testid='changes-heading']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_browser_opening_the_feed_gets_its_page_and_a_feed_reader_gets_atom()
    {
        var client = App.Anonymous();

        using var browser = new HttpRequestMessage(HttpMethod.Get, "/feeds/changes.atom?member=hun");
        browser.Headers.Add("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        var page = await client.SendAsync(browser);
        using var reader = new HttpRequestMessage(HttpMethod.Get, "/feeds/changes.atom?member=hun");
        reader.Headers.Add("Accept", "application/atom+xml, application/xml;q=0.9");
        var atom = await client.SendAsync(reader);
        using var raw = new HttpRequestMessage(HttpMethod.Get, "/feeds/changes.atom?member=hun&format=atom");
        raw.Headers.Add("Accept", "text/html");
        var rawAtom = await client.SendAsync(raw);

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/changes?feed=1&member=HUN", page.Headers.Location?.OriginalString);
        Assert.Equal("application/atom+xml", atom.Content.Headers.ContentType?.MediaType);
        Assert.Equal("application/atom+xml", rawAtom.Content.Headers.ContentType?.MediaType);
        var shown = new HtmlParser().ParseDocument(await App.Anonymous().GetStringAsync("/changes?feed=1&member=HUN&since=2024-01-01"));
        Assert.EndsWith("/feeds/changes.atom?member=HUN", shown.QuerySelector("[data-testid='feed-box'] input")!.GetAttribute("value"), StringComparison.Ordinal);
        Assert.All(shown.QuerySelectorAll("li.change .change-what a[href^='members/']"), a => Assert.Equal("members/HUN", a.GetAttribute("href")));
        Assert.NotEmpty(shown.QuerySelectorAll("li.change"));
    }

    private async Task<long> RecordAsync(string member, Stance stance, string rationale)
    {
        var recorder = App.Services.GetRequiredService<StanceRecorder>();
        var cell = await recorder.GetCellAsync(member, "ukraine-fund");
        var saved = await recorder.RecordAsync(TestEditors.Editor("changes-editor"), new StanceChangeInput(
            member, "ukraine-fund", stance, null, new DateOnly(2024, 5, 1), rationale,
            [new EvidenceInput("icaro-2024-04-stoltenberg-ukraine-fund", "A changes-page test excerpt.")], cell.Version));
        return saved.Change.Id;
    }
}
