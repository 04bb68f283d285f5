using AllianceTracker.Tests.Support;
using AllianceTracker.Web.Components;
using AllianceTracker.Web.Features.Dashboard;
using AllianceTracker.Web.Features.Positions;
using Bunit;

namespace AllianceTracker.Tests.Features.Dashboard;

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
        Assert.NotNull(chip.QuerySelector("svg"));
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
    public void Readers_see_no_edit_buttons_and_editors_get_one_per_cell_with_an_accessible_name()
    {
        var anonymous = Context.Render<StanceMatrix>(p => p.Add(m => m.Picture, _picture));
        Assert.Empty(anonymous.FindAll("button.edit-stance"));

        Authorization.SetAuthorized("ed@example.org");
        Authorization.SetPolicies(Web.Features.Accounts.Policies.CanEdit);
        Context.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
        var editor = Context.Render<StanceMatrix>(p => p.Add(m => m.Picture, _picture).Add(m => m.CanEdit, true));

        Assert.Equal(96, editor.FindAll("button.edit-stance").Count);
        Assert.Empty(editor.FindAll("button.edit-stance[disabled]"));
        Assert.Equal("Edit Hungary's stance on €100bn five-year fund for Ukraine",
            editor.Find("button.edit-stance[data-member='HUN'][data-proposal='ukraine-fund']").GetAttribute("aria-label"));
    }

    [Fact]
    public void Before_the_editors_page_is_interactive_its_edit_buttons_are_disabled_and_say_editing_is_starting()
    {
        // The server-rendered page an editor sees for the first second or two, before the circuit:
        // a click on a pencil then did nothing at all (issue 29).
        Authorization.SetAuthorized("ed@example.org");
        Authorization.SetPolicies(Web.Features.Accounts.Policies.CanEdit);
        Context.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Static", isInteractive: false));

        var prerendered = Context.Render<StanceMatrix>(p => p.Add(m => m.Picture, _picture).Add(m => m.CanEdit, true));

        var buttons = prerendered.FindAll("button.edit-stance");
        Assert.Equal(96, buttons.Count);
        Assert.All(buttons, b => Assert.True(b.HasAttribute("disabled")));
        var hungary = prerendered.Find("button.edit-stance[data-member='HUN'][data-proposal='ukraine-fund']");
        Assert.Equal("Edit Hungary's stance on €100bn five-year fund for Ukraine (editing is starting)", hungary.GetAttribute("aria-label"));
        Assert.Equal("Editing is starting…", hungary.GetAttribute("title"));
    }
}
