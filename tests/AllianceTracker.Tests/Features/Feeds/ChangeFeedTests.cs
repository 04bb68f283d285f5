using System.Xml.Linq;
using AllianceTracker.Tests.Features.Positions;
using AllianceTracker.Tests.Shared;

namespace AllianceTracker.Tests.Features.Feeds;

[Collection(AppCollection.Name)]
public sealed class ChangeFeedTests(AllianceAppFactory app)
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
        Assert.Equal("seed", hungary.Element(Atom + "author")!.Element(Atom + "name")!.Value);
        Assert.EndsWith("/members/HUN", hungary.Element(Atom + "link")!.Attribute("href")!.Value);
        Assert.Contains("Hungary, which has rejected the NATO proposals", hungary.Element(Atom + "summary")!.Value);
        Assert.Single(entries, e => e == hungary);
        Assert.Equal(entries.Count, entries.Select(e => e.Element(Atom + "id")!.Value).Distinct().Count());
    }

    [Fact]
    public async Task A_member_feed_and_a_proposal_feed_hold_only_their_changes()
    {
        var member = await FeedAsync("?member=hun");
        var proposal = await FeedAsync("?proposal=membership-invitation");

        Assert.Contains("Hungary", member.Element(Atom + "title")!.Value);
        Assert.Equal(2, member.Elements(Atom + "entry").Count());
        Assert.All(proposal.Elements(Atom + "entry"), e => Assert.EndsWith("on Membership invitation for Ukraine", e.Element(Atom + "title")!.Value));
        Assert.Equal(6, proposal.Elements(Atom + "entry").Count());
    }
}
