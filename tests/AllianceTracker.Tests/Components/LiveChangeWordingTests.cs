using AllianceTracker.Tests.Support;
using AllianceTracker.Web.Components;
using AllianceTracker.Web.Features.History;
using AllianceTracker.Web.Features.Positions;
using Microsoft.Extensions.DependencyInjection;

namespace AllianceTracker.Tests.Components;

/// <summary>What a screen reader hears when a live change arrives: who, on what, and the stance now.</summary>
public sealed class LiveChangeWordingTests : PageTest
{
    [Fact]
    public async Task One_change_names_the_member_the_proposal_and_the_new_stance()
    {
        var picture = await Context.Services.GetRequiredService<AlliancePictureCache>().GetAsync();

        var words = LiveChangeWording.Describe([new StanceCell("HUN", "ukraine-fund")], picture);

        Assert.Equal("1 change: Hungary on €100bn five-year fund for Ukraine is now Opposes", words);
    }

    [Fact]
    public async Task Several_changes_are_counted_and_listed_and_none_says_nothing()
    {
        var picture = await Context.Services.GetRequiredService<AlliancePictureCache>().GetAsync();

        var words = LiveChangeWording.Describe([new StanceCell("HUN", "ukraine-fund"), new StanceCell("USA", "membership-invitation")], picture);

        Assert.Equal("2 changes: Hungary on €100bn five-year fund for Ukraine is now Opposes; United States on Membership invitation for Ukraine is now Opposes", words);
        Assert.Null(LiveChangeWording.Describe([], picture));
    }
}
