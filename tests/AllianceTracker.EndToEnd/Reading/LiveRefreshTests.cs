using AllianceTracker.EndToEnd.Infrastructure;
using AllianceTracker.EndToEnd.Pages;
using AllianceTracker.Tests.Shared;
using AllianceTracker.Web.Domain;
using AllianceTracker.Web.Features.Stances;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Roles = AllianceTracker.Web.Features.Accounts.Roles;

namespace AllianceTracker.EndToEnd.Reading;

/// <summary>
/// A live change while someone reads: the page updates where they are — scroll, focus and the list
/// they opened stay — marks the changed cell and the counts it moved, and says what changed in the
/// page's live region. For readers (the page script) and editors (the circuit) alike.
/// </summary>
public sealed class LiveRefreshTests : FreshBrowserAppTest
{
    private const string Announcement = "1 change: Latvia on €100bn five-year fund for Ukraine is now Supports";

    [Theory]
    [InlineData(Viewer.Reader)]
    [InlineData(Viewer.Editor)]
    public async Task A_live_change_keeps_the_readers_place_marks_what_changed_and_says_so(Viewer viewer)
    {
        var page = viewer == Viewer.Editor ? await App.SignedInPageAsync(Roles.Editor, width: 1280, height: 700) : await App.NewPageAsync(1280, 700);
        var dashboard = new DashboardPage(page);
        await dashboard.OpenAsync();
        var person = new Person(page);

        // The reader opened the fund's "no position on record" list, scrolled to the matrix and is on the region filter.
        var card = dashboard.Card("ukraine-fund");
        await card.Locator("details summary").ClickAsync();
        await Assertions.Expect(card.Locator("details")).ToHaveAttributeAsync("open", "");
        var region = page.Locator("[data-testid=filter-region]");
        await Person.ScrollSoThatAsync(region, fromTop: 200);
        await region.FocusAsync();
        var scrolled = await person.ScrollYAsync();
        var unknownBefore = await card.Locator("[data-live-count='ukraine-fund:unknown'] dd").TextContentAsync();

        await RecordAsync("LVA", Stance.Supports);

        var cell = dashboard.Cell("LVA", "ukraine-fund");
        await Assertions.Expect(cell).ToHaveAttributeAsync("data-stance", "supports");
        await Assertions.Expect(cell).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("cell-changed"));
        // The counts the change moved are marked like the cell; one that did not move is not.
        await Assertions.Expect(card.Locator("[data-live-count='ukraine-fund:supports']")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("cell-changed"));
        await Assertions.Expect(card.Locator("[data-live-count='ukraine-fund:unknown']")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("cell-changed"));
        Assert.NotEqual(unknownBefore, await card.Locator("[data-live-count='ukraine-fund:unknown'] dd").TextContentAsync());
        await Assertions.Expect(card.Locator("[data-live-count='ukraine-fund:opposes']")).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("cell-changed"));
        await Assertions.Expect(page.Locator("#live-announcer")).ToHaveTextAsync(Announcement);
        await dashboard.WaitUntilSettledAsync();

        await Assertions.Expect(card.Locator("details")).ToHaveAttributeAsync("open", "");
        Assert.InRange(await person.ScrollYAsync(), scrolled - 2, scrolled + 2);
        Assert.Equal("filter-region", await person.FocusedAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_change_to_a_cell_the_page_does_not_show_is_not_announced_on_it()
    {
        var member = new MemberPage(await App.NewPageAsync());
        await member.OpenAsync("HUN");
        await member.Page.EvaluateAsync("window.__notReloaded = true");

        await RecordAsync("LVA", Stance.Supports);
        await RecordAsync("HUN", Stance.OptsOut);

        await Assertions.Expect(member.Position("ukraine-fund")).ToHaveAttributeAsync("data-stance", "opts-out");
        await Assertions.Expect(member.Page.Locator("#live-announcer")).ToHaveTextAsync("1 change: Hungary on €100bn five-year fund for Ukraine is now Opts out");
        Assert.True(await member.Page.EvaluateAsync<bool>("window.__notReloaded === true"));
        await member.CloseAsync();
    }

    [Fact]
    public async Task With_reduced_motion_a_changed_cell_is_marked_without_moving()
    {
        var page = await App.NewPageAsync();
        await page.EmulateMediaAsync(new() { ReducedMotion = ReducedMotion.Reduce });
        var dashboard = new DashboardPage(page);
        await dashboard.OpenAsync();

        await RecordAsync("LVA", Stance.Supports);

        var cell = dashboard.Cell("LVA", "ukraine-fund");
        await Assertions.Expect(cell).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("cell-changed"));
        Assert.Equal("none", await cell.EvaluateAsync<string>("c => getComputedStyle(c).animationName"));
        Assert.NotEqual("rgba(0, 0, 0, 0)", await cell.EvaluateAsync<string>("c => getComputedStyle(c).backgroundColor"));
        await dashboard.CloseAsync();
    }

    private async Task RecordAsync(string member, Stance stance)
    {
        var recorder = App.Services.GetRequiredService<StanceRecorder>();
        var cell = await recorder.GetCellAsync(member, "ukraine-fund");
        await recorder.RecordAsync(TestEditors.Editor("live-editor"), new StanceChangeInput(
            member, "ukraine-fund", stance, null, new DateOnly(2024, 6, 14),
            "Live refresh test.",
            [new EvidenceInput("icaro-2024-04-stoltenberg-ukraine-fund", "A live refresh test excerpt.")], cell.Version));
    }
}
