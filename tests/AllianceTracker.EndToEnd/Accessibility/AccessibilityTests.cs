using AllianceTracker.EndToEnd.Infrastructure;
using AllianceTracker.EndToEnd.Pages;
using Microsoft.Playwright;

namespace AllianceTracker.EndToEnd.Accessibility;

public sealed class AccessibilityTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/members/HUN")]
    [InlineData("/proposals/ukraine-fund")]
    [InlineData("/sources")]
    [InlineData("/compare?from=2024-04-02&to=now")]
    [InlineData("/methodology")]
    [InlineData("/changes?since=2024-01-01")]
    public async Task At_390px_wide_the_page_does_not_scroll_sideways(string url)
    {
        var page = new DashboardPage(await app.NewPageAsync(width: 390, height: 844));
        await page.GoToAsync(url);

        // The stance matrix scrolls inside its own box; the page itself must fit the phone.
        var overflow = await page.Page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");

        Assert.True(overflow <= 0, $"the page is {overflow}px wider than the viewport");
        await page.CloseAsync();
    }

    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task At_390px_the_header_keeps_sign_in_and_the_theme_switch_and_a_menu_opens_every_link(ColorScheme scheme)
    {
        var page = await app.NewPageAsync(width: 390, height: 844, colorScheme: scheme);
        await page.GotoAsync(new Uri(app.BaseAddress, "/").ToString());
        var header = page.Locator("header");

        // Visible and inside the viewport: nothing is cut off at the right edge.
        foreach (var control in new[] { header.GetByRole(AriaRole.Link, new() { Name = "Sign in" }), header.Locator("a.theme-toggle"), header.Locator("summary.nav-menu-button") })
        {
            await Assertions.Expect(control).ToBeVisibleAsync();
            var box = (await control.BoundingBoxAsync())!;
            Assert.True(box.X >= 0 && box.X + box.Width <= 390, $"{await control.GetAttributeAsync("class")} is at {box.X}+{box.Width}");
            Assert.True(box.Height >= 24, "big enough to touch");
        }

        await Assertions.Expect(header.Locator("nav.top-nav")).ToBeHiddenAsync();
        var menu = header.Locator("nav.nav-menu-panel");
        await Assertions.Expect(menu).ToBeHiddenAsync();

        // By keyboard: focus the menu button and press Enter; every section is there.
        await header.Locator("summary.nav-menu-button").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(menu).ToBeVisibleAsync();
        foreach (var name in new[] { "Dashboard", "Proposals", "Members", "Snapshots", "Sources", "API" })
        {
            await Assertions.Expect(menu.GetByRole(AriaRole.Link, new() { Name = name, Exact = true })).ToBeVisibleAsync();
        }

        await PageChecks.AssertNoAccessibilityViolationsAsync(page);

        // By touch (a click): a link in the menu takes the reader there.
        await menu.GetByRole(AriaRole.Link, new() { Name = "Members", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/members");
        await page.CloseAsync();
    }

    [Fact]
    public async Task At_390px_an_administrator_finds_every_section_and_sign_out_in_the_header()
    {
        var page = await app.SignedInPageAsync("Admin", width: 390, height: 844);
        await page.GotoAsync(new Uri(app.BaseAddress, "/").ToString());
        // An administrator's page runs in a circuit, which redraws the prerendered header when it
        // connects (a menu opened before that closes again): wait for it, as an editor's tests do.
        await page.Locator("[data-interactive='true']").WaitForAsync();
        var header = page.Locator("header");

        await Assertions.Expect(header.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        await header.Locator("summary.nav-menu-button").ClickAsync();
        var menu = header.Locator("nav.nav-menu-panel");
        foreach (var name in new[] { "Dashboard", "Proposals", "Members", "Snapshots", "Sources", "API", "News assist", "Audit", "Users", "Import", "Change password" })
        {
            await Assertions.Expect(menu.GetByRole(AriaRole.Link, new() { Name = name, Exact = true })).ToBeVisibleAsync();
        }

        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"the page is {overflow}px wider than the viewport");
        await page.CloseAsync();
    }
}
