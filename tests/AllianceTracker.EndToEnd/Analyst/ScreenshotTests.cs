using AllianceTracker.EndToEnd.Infrastructure;
using AllianceTracker.EndToEnd.Pages;
using Microsoft.Playwright;

namespace AllianceTracker.EndToEnd.Analyst;

/// <summary>The README's screenshots, taken from the running app in light and dark (kept by scripts/screenshots.sh).</summary>
[Trait("Category", "Screenshots")]
public sealed class ScreenshotTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Theory]
    [InlineData("/", "dashboard", ColorScheme.Light)]
    [InlineData("/", "dashboard", ColorScheme.Dark)]
    [InlineData("/members/HUN", "member", ColorScheme.Light)]
    [InlineData("/members/HUN", "member", ColorScheme.Dark)]
    [InlineData("/proposals/ukraine-fund", "proposal", ColorScheme.Light)]
    [InlineData("/proposals/ukraine-fund", "proposal", ColorScheme.Dark)]
    public async Task Screenshot(string url, string name, ColorScheme scheme)
    {
        var theme = scheme == ColorScheme.Dark ? "dark" : "light";
        var page = new DashboardPage(await app.NewPageAsync(width: 1400, height: 1000, colorScheme: scheme));
        await page.GoToAsync(url);
        await page.Page.Locator($"html[data-theme='{theme}']").WaitForAsync();

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
        await page.Page.Locator("nav.nav-menu-panel").WaitForAsync();

        await PageChecks.SaveScreenshotAsync(page.Page, $"phone-menu-{theme}.png", fullPage: false, minimumBytes: 20_000);
        await page.CloseAsync();
    }
}
