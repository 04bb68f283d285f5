using AllianceTracker.Tests.Support;
using AllianceTracker.Web.Components;
using AllianceTracker.Web.Features.Positions;
using Bunit;

namespace AllianceTracker.Tests.Components;

public sealed class StanceMatrixTests : MudComponentTest
{
    private TestDatabase _database = null!;
    private AlliancePicture _picture = null!;

    public override async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(seeded: true);
        _picture = await new AlliancePictureReader(_database, FixedClock.On(2026, 11, 28)).ReadAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public void The_matrix_has_a_row_per_member_and_a_column_per_proposal()
    {
        var matrix = Context.Render<StanceMatrix>(p => p.Add(m => m.Picture, _picture));

        Assert.Equal(32, matrix.FindAll("tbody tr").Count);
        Assert.Equal(["Member", "€100bn five-year fund for Ukraine", "NATO leads Ramstein coordination", "Membership invitation for Ukraine"],
            matrix.FindAll("thead th").Select(th => th.TextContent.Trim()));
        Assert.Equal(96, matrix.FindAll("tbody td .stance-chip").Count);
    }

    [Theory]
    [InlineData("HUN", "ukraine-fund", "opposes", "Opposes")]
    [InlineData("ESP", "ukraine-fund", "conditional", "Conditional")]
    [InlineData("SVK", "ramstein-coordination", "undecided", "Undecided")]
    [InlineData("POL", "membership-invitation", "supports", "Supports")]
    [InlineData("FRA", "membership-invitation", "unknown", "Unknown")]
    public void Each_cell_shows_a_chip_with_the_stance_label_not_only_a_colour(string member, string proposal, string code, string label)
    {
        var matrix = Context.Render<StanceMatrix>(p => p.Add(m => m.Picture, _picture));

        var cell = matrix.Find($"tr[data-member='{member}'] td[data-proposal='{proposal}']");
        Assert.Equal(code, cell.GetAttribute("data-stance"));
        var chip = cell.QuerySelector(".stance-chip")!;
        Assert.Equal(label, chip.TextContent.Trim());
        // Its icon is the theme sheet's, a mask of the stance's own icon painted in the chip's colour.
        var path = System.Text.RegularExpressions.Regex.Matches(StanceAppearance.IconOf(Enum.Parse<Web.Domain.Stance>(label.Replace(" ", ""))), "d=\"([^\"]+)\"")
            .Select(m => m.Groups[1].Value).MaxBy(d => d.Length)!;
        Assert.Matches($@"\.stance-{code}::before\{{-webkit-mask-image:url\(""data:image/svg\+xml,[^""]*{System.Text.RegularExpressions.Regex.Escape(path)}", StanceAppearance.ChipCss());
    }

    [Fact]
    public void Chips_of_different_stances_have_different_colours()
    {
        var matrix = Context.Render<StanceMatrix>(p => p.Add(m => m.Picture, _picture));

        string ChipClass(string member, string proposal) =>
            matrix.Find($"tr[data-member='{member}'] td[data-proposal='{proposal}'] .stance-chip").ClassName!;

        Assert.Contains("stance-opposes", ChipClass("HUN", "ukraine-fund"));
        Assert.Contains("stance-supports", ChipClass("POL", "membership-invitation"));
        Assert.Contains("stance-undecided", ChipClass("SVK", "ukraine-fund"));
        var css = StanceAppearance.ChipCss();
        Assert.Contains(".stance-opposes{color:var(--mud-palette-error-text);background-color:var(--mud-palette-error)}", css);
        Assert.Contains(".stance-supports{color:var(--mud-palette-success-text);background-color:var(--mud-palette-success)}", css);
        Assert.Contains(".stance-undecided{color:var(--mud-palette-warning-text);background-color:var(--mud-palette-warning)}", css);
    }

    [Fact]
    public void A_conditional_cell_shows_its_conditions()
    {
        var matrix = Context.Render<StanceMatrix>(p => p.Add(m => m.Picture, _picture));

        var cell = matrix.Find("tr[data-member='ITA'] td[data-proposal='ukraine-fund']");
        Assert.Contains("wary of duplicating bilateral and EU contributions", cell.TextContent);
    }

    [Fact]
    public void Each_cell_offers_what_the_page_hands_it_and_nothing_when_the_page_hands_nothing()
    {
        var plain = Context.Render<StanceMatrix>(p => p.Add(m => m.Picture, _picture));
        Assert.Empty(plain.FindAll("button"));

        var withActions = Context.Render<StanceMatrix>(p => p.Add(m => m.Picture, _picture)
            .Add(m => m.CellActions, cell => builder => builder.AddMarkupContent(0,
                $"<button class=\"cell-action\">{cell.Member.Alpha3}/{cell.Proposal.Slug}/{cell.AsOf:yyyy-MM-dd}</button>")));

        Assert.Equal(96, withActions.FindAll("button.cell-action").Count);
        Assert.Equal("HUN/ukraine-fund/2026-11-28",
            withActions.Find("tr[data-member='HUN'] td[data-proposal='ukraine-fund'] button.cell-action").TextContent);
    }
}
