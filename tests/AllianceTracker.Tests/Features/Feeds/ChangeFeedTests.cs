using System.Xml.Linq;
using AllianceTracker.Tests.Shared;
using AllianceTracker.Tests.Support;
using AllianceTracker.Web.Domain;
using AllianceTracker.Web.Features.Stances;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace AllianceTracker.Tests.Features.Feeds;

/// <summary>Reads only: the tests share one app of their own, on the seed.</summary>
public sealed class ChangeFeedTests(AllianceAppFactory app) : IClassFixture<AllianceAppFactory>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    private async Task<XElement> FeedAsync(string query)
    {
        var response = await app.CreateClient().GetAsync("/feeds/changes.atom" + query);
        response.EnsureSuccessStatusCode();
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        return XElement.Parse(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_whole_tracker_feed_has_an_entry_per_change_with_title_author_and_link()
    {
        var feed = await FeedAsync("");

        Assert.Equal(Atom + "feed", feed.Name);
        var entries = feed.Elements(Atom + "entry").ToList();
        Assert.True(entries.Count >= 12);
        var hungary = entries.Single(e => e.Element(Atom + "title")!.Value == "Hungary: Unknown → Opposes on €100bn five-year fund for Ukraine");
        Assert.Equal("Seed import, from the seed article (ICARO Media Group, c. 3 April 2024)", hungary.Element(Atom + "author")!.Element(Atom + "name")!.Value);
        Assert.EndsWith("/members/HUN", hungary.Element(Atom + "link")!.Attribute("href")!.Value);
        Assert.Contains("Hungary, which has rejected the NATO proposals", hungary.Element(Atom + "summary")!.Value);
        // An inferred date says so, as on the pages.
        Assert.StartsWith("Effective c. 2024-04-03.", hungary.Element(Atom + "summary")!.Value, StringComparison.Ordinal);
        Assert.Equal(entries.Count, entries.Select(e => e.Element(Atom + "id")!.Value).Distinct().Count());
        // Newest first, and the feed is as recent as its newest entry.
        var updated = entries.Select(e => DateTimeOffset.Parse(e.Element(Atom + "updated")!.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(updated.OrderByDescending(u => u), updated);
        Assert.Equal(updated[0], DateTimeOffset.Parse(feed.Element(Atom + "updated")!.Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_member_feed_and_a_proposal_feed_hold_only_their_changes()
    {
        var member = await FeedAsync("?member=hun");
        var proposal = await FeedAsync("?proposal=membership-invitation");

        Assert.Contains("Hungary", member.Element(Atom + "title")!.Value);
        Assert.Equal(2, member.Elements(Atom + "entry").Count());
        Assert.All(proposal.Elements(Atom + "entry"), e => Assert.EndsWith("Membership invitation for Ukraine", e.Element(Atom + "title")!.Value));
        // Six seeded stances and the proposal's own first text ("New proposal: …").
        Assert.Equal(7, proposal.Elements(Atom + "entry").Count());
        Assert.Contains(proposal.Elements(Atom + "entry"), e => e.Element(Atom + "title")!.Value == "New proposal: Membership invitation for Ukraine");
    }
}

/// <summary>Changes recorded after the seed: the feed puts the newest first, corrections included.</summary>
public sealed class ChangeFeedOrderTests(ITestOutputHelper output) : FreshAppTest(output)
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [Fact]
    public async Task The_newest_change_comes_first_and_a_retraction_is_news_of_its_own()
    {
        var recorder = App.Services.GetRequiredService<StanceRecorder>();
        var cell = await recorder.GetCellAsync("FRA", "ramstein-coordination");
        var recorded = await recorder.RecordAsync(TestEditors.Editor("feed-editor"), new StanceChangeInput(
            "FRA", "ramstein-coordination", Stance.Supports, null, new DateOnly(2024, 6, 14), "Feed test.",
            [new EvidenceInput("icaro-2024-04-stoltenberg-ukraine-fund", "A feed test excerpt.")], cell.Version));
        await recorder.RetractAsync(TestEditors.Editor("feed-corrector"), recorded.Change.Id, "Feed test correction.", recorded.CellVersion);

        var feed = XElement.Parse(await App.CreateClient().GetStringAsync("/feeds/changes.atom"));

        var entries = feed.Elements(Atom + "entry").Take(2).ToList();
        var titles = entries.Select(e => e.Element(Atom + "title")!.Value).ToList();
        // The retracted entry is marked where a reader meets it, not only in the retraction's own entry.
        Assert.Equal(["Retracted: France Supports on NATO leads Ramstein coordination", "[Retracted] France: Unknown → Supports on NATO leads Ramstein coordination"], titles);
        Assert.StartsWith("Retracted on ", entries[1].Element(Atom + "summary")!.Value);
        Assert.Contains("Feed test correction.", entries[1].Element(Atom + "summary")!.Value);
    }
}
