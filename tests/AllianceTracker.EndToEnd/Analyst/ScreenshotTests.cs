using AllianceTracker.EndToEnd.Infrastructure;
using AllianceTracker.EndToEnd.Pages;
using Microsoft.Playwright;

namespace AllianceTracker.EndToEnd.Analyst;

/// <summary>The README's screenshots, taken from the running app in light and dark (kept by scripts/screenshots.sh).</summary>
[Trait("Category", "Screenshots")]
public sealed class ScreenshotTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Theory]
    [InlineData("/", "dashboard", ColorScheme.Light, "Consensus dashboard")]
    [InlineData("/", "dashboard", ColorScheme.Dark, "Consensus dashboard")]
    [InlineData("/members/HUN", "member", ColorScheme.Light, "Hungary")]
    [InlineData("/members/HUN", "member", ColorScheme.Dark, "Hungary")]
    [InlineData("/proposals/ukraine-fund", "proposal", ColorScheme.Light, "€100bn five-year fund for Ukraine")]
    [InlineData("/proposals/ukraine-fund", "proposal", ColorScheme.Dark, "€100bn five-year fund for Ukraine")]
    public async Task Screenshot(string url, string name, ColorScheme scheme, string heading)
    {
        var theme = scheme == ColorScheme.Dark ? "dark" : "light";
        var page = new DashboardPage(await app.NewPageAsync(width: 1400, height: 1000, colorScheme: scheme));
        await page.GoToAsync(url);
        await page.Page.Locator($"html[data-theme='{theme}']").WaitForAsync();
        await Assertions.Expect(page.Page.Locator("h1")).ToHaveTextAsync(heading);
        // Every stance chip drawn: the picture is the page with its data, not a loading state.
        Assert.True(await page.Page.Locator(".stance-chip").CountAsync() > 0);

        await PageChecks.SaveScreenshotAsync(page.Page, $"{name}-{theme}.png", minimumBytes: 50_000);
        await page.CloseAsync();
    }

    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task Phone_screenshot_with_the_menu_open(ColorScheme scheme)
    {
        var theme = scheme == ColorScheme.Dark ? "dark" : "light";
        var page = new DashboardPage(await app.NewPageAsync(width: 390, height: 844, colorScheme: scheme));
        await page.GoToAsync("/");
        await page.Page.Locator("summary.nav-menu-button").ClickAsync();
        await Assertions.Expect(page.Page.Locator("nav.nav-menu-panel")).ToBeVisibleAsync();
        await Assertions.Expect(page.Page.Locator("nav.nav-menu-panel a", new() { HasText = "Members" })).ToBeVisibleAsync();

        await PageChecks.SaveScreenshotAsync(page.Page, $"phone-menu-{theme}.png", fullPage: false, minimumBytes: 20_000);
        await page.CloseAsync();
    }
}
