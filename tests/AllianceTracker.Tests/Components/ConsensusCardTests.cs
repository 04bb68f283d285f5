using AllianceTracker.Tests.Support;
using AllianceTracker.Web.Components;
using AllianceTracker.Web.Domain;
using Bunit;

namespace AllianceTracker.Tests.Components;

public sealed class ConsensusCardTests : MudComponentTest
{
    private static PictureBuilder ThreeAllies() => new PictureBuilder()
        .Member("HUN", "Hungary").Member("ESP", "Spain").Member("SVK", "Slovakia")
        .Proposal("ukraine-fund", "€100bn fund");

    private IRenderedComponent<ConsensusCard> Render(Web.Features.Positions.AlliancePicture picture) =>
        Context.Render<ConsensusCard>(p => p
            .Add(c => c.Picture, picture)
            .Add(c => c.Consensus, picture.Consensus[0]));

    [Fact]
    public void A_blocked_proposal_names_its_blockers_and_lists_conditions_and_open_members()
    {
        var picture = ThreeAllies()
            .Stance("HUN", "ukraine-fund", Stance.Opposes)
            .Stance("ESP", "ukraine-fund", Stance.Conditional, "No duplication of EU aid")
            .Stance("SVK", "ukraine-fund", Stance.Undecided)
            .Build();

        var card = Render(picture);

        Assert.Equal("blocked", card.Find(".consensus-card").GetAttribute("data-status"));
        Assert.Contains("Blocked", card.Find(".status-chip").TextContent);
        Assert.Contains("Blocked by Hungary", card.Find(".headline").TextContent);
        Assert.Equal("Hungary", card.Find(".blockers li").TextContent.Trim());
        Assert.Contains("Spain: No duplication of EU aid", card.Find(".conditions li").TextContent);
        Assert.Contains("Undecided: Slovakia", card.Find(".still-open").TextContent);
        Assert.Equal("1", card.Find(".count[data-stance='opposes'] dd").TextContent);
        Assert.Equal("1", card.Find(".count[data-stance='conditional'] dd").TextContent);
        Assert.Equal("0", card.Find(".count[data-stance='supports'] dd").TextContent);
    }

    [Fact]
    public void An_open_proposal_says_how_many_members_are_still_open_and_shows_no_blockers()
    {
        var picture = ThreeAllies().Stance("ESP", "ukraine-fund", Stance.Supports).Build();

        var card = Render(picture);

        Assert.Equal("open", card.Find(".consensus-card").GetAttribute("data-status"));
        Assert.Contains("2 still open", card.Find(".headline").TextContent);
        Assert.Empty(card.FindAll(".blockers"));
        Assert.Contains("No position on record: 2 members", card.Find(".still-open summary").TextContent);
    }

    [Fact]
    public void A_consensus_proposal_says_no_ally_objects()
    {
        var picture = ThreeAllies()
            .Stance("HUN", "ukraine-fund", Stance.OptsOut)
            .Stance("ESP", "ukraine-fund", Stance.Supports)
            .Stance("SVK", "ukraine-fund", Stance.Supports)
            .Build();

        var card = Render(picture);

        Assert.Equal("consensus", card.Find(".consensus-card").GetAttribute("data-status"));
        Assert.Contains("Consensus", card.Find(".status-chip").TextContent);
        Assert.Empty(card.FindAll(".still-open"));
    }

    [Fact]
    public void Members_opting_out_are_named_not_only_counted()
    {
        var picture = ThreeAllies()
            .Stance("HUN", "ukraine-fund", Stance.OptsOut)
            .Stance("ESP", "ukraine-fund", Stance.Supports)
            .Build();

        var card = Render(picture);

        Assert.Equal("Hungary", card.Find("[data-testid=opting-out] li").TextContent.Trim());
        Assert.Contains("Opting out (not blocking)", card.Find("[data-testid=opting-out]").TextContent);
    }

    [Theory]
    [InlineData(ProposalOutcome.Replaced, false)]
    [InlineData(ProposalOutcome.Dropped, false)]
    [InlineData(ProposalOutcome.Adopted, true)]
    [InlineData(ProposalOutcome.Deferred, true)]
    public void A_decided_proposal_keeps_conditions_on_record_only_while_they_still_mean_something(ProposalOutcome outcome, bool conditionsShown)
    {
        var picture = ThreeAllies()
            .Stance("HUN", "ukraine-fund", Stance.Opposes)
            .Stance("ESP", "ukraine-fund", Stance.Conditional, "No duplication of EU aid")
            .Decided("ukraine-fund", outcome)
            .Build();

        var card = Render(picture);

        Assert.DoesNotContain("Outstanding conditions", card.Markup);
        Assert.Equal(conditionsShown, card.FindAll(".conditions").Count == 1);
        Assert.Contains("Recorded as opposing", card.Find(".blockers").TextContent);
        Assert.DoesNotContain("Blocked by", card.Find(".headline").TextContent);
    }

    [Fact]
    public void Replaced_has_a_colour_of_its_own_not_the_opt_out_stances()
    {
        var replaced = StanceAppearance.ColorOf(ProposalOutcome.Replaced);

        Assert.All(StanceVocabulary.All, stance => Assert.NotEqual(StanceAppearance.ColorOf(stance.Stance), replaced));
        Assert.All(Enum.GetValues<ProposalOutcome>().Where(o => o is not (ProposalOutcome.Replaced or ProposalOutcome.Pending)),
            other => Assert.NotEqual(StanceAppearance.ColorOf(other), replaced));
    }
}
