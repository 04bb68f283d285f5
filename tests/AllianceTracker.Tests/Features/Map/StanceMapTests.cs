using AllianceTracker.Tests.Support;
using AllianceTracker.Web.Components;
using AllianceTracker.Web.Domain;
using AllianceTracker.Web.Features.Map;
using AllianceTracker.Web.Features.Positions;
using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace AllianceTracker.Tests.Features.Map;

public sealed class StanceMapTests : PageTest
{
    private async Task<IRenderedComponent<StanceMap>> RenderAsync(string proposal)
    {
        var picture = await Context.Services.GetRequiredService<AlliancePictureCache>().GetAsync();
        return Context.Render<StanceMap>(p => p.Add(m => m.Picture, picture).Add(m => m.ProposalSlug, proposal));
    }

    [Fact]
    public async Task Every_member_is_one_linked_shape_with_an_accessible_name()
    {
        var map = await RenderAsync("ukraine-fund");

        var members = map.FindAll("a.map-member");
        Assert.Equal(32, members.Count);
        Assert.Equal(32, members.Select(a => a.GetAttribute("data-member")).Distinct().Count());
        Assert.All(members, a =>
        {
            Assert.NotNull(a.QuerySelector("path"));
            Assert.Equal($"members/{a.GetAttribute("data-member")}", a.GetAttribute("href"));
            Assert.Matches("^.+: (Supports|Conditional|Undecided|Unknown|Opts out|Opposes)$", a.GetAttribute("aria-label"));
        });
        Assert.Equal("Hungary: Opposes", map.Find("a.map-member[data-member='HUN']").GetAttribute("aria-label"));
    }

    [Theory]
    [InlineData("HUN", "ukraine-fund", Stance.Opposes)]
    [InlineData("ESP", "ukraine-fund", Stance.Conditional)]
    [InlineData("SVK", "ramstein-coordination", Stance.Undecided)]
    [InlineData("POL", "membership-invitation", Stance.Supports)]
    [InlineData("FRA", "membership-invitation", Stance.Unknown)]
    public async Task Each_member_is_filled_with_its_stance_colour_the_same_theme_colour_as_its_chip(string member, string proposal, Stance stance)
    {
        var map = await RenderAsync(proposal);

        var shape = map.Find($"a.map-member[data-member='{member}']");
        Assert.Equal(stance.ToCode(), shape.GetAttribute("data-stance"));
        Assert.Equal($"--stance-fill: {StanceAppearance.FillOf(stance)}", shape.GetAttribute("style"));
        var chipColour = StanceAppearance.ColorOf(stance).ToString().ToLowerInvariant();
        Assert.Contains(stance == Stance.Unknown ? "--map-unknown" : $"--mud-palette-{chipColour}", shape.GetAttribute("style"));
    }

    [Fact]
    public async Task Non_members_are_grey_context_without_links()
    {
        var map = await RenderAsync("ukraine-fund");

        Assert.NotEmpty(map.FindAll("path.map-context[data-country='804']")); // Ukraine
        Assert.NotEmpty(map.FindAll("path.map-context[data-country='643']")); // Russia
        Assert.Empty(map.FindAll("a[data-member='UKR']"));
    }

    [Theory]
    [InlineData("LUX")]
    [InlineData("MNE")]
    [InlineData("MKD")]
    public async Task Small_members_get_a_marker_inside_their_link(string member)
    {
        var map = await RenderAsync("ukraine-fund");

        Assert.NotNull(map.Find($"a.map-member[data-member='{member}']").QuerySelector("circle.map-marker"));
    }
}
