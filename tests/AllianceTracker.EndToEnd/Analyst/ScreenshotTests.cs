using AllianceTracker.EndToEnd.Infrastructure;
using AllianceTracker.EndToEnd.Pages;
using Microsoft.Playwright;

namespace AllianceTracker.EndToEnd.Analyst;

/// <summary>The README's screenshots, taken from the running app in light and dark.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ScreenshotTests(BrowserApp app)
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
        await page.Page.Locator($"[data-theme='{theme}']").WaitForAsync();
        Directory.CreateDirectory(RepositoryPaths.Screenshots);

        var png = await page.Page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(RepositoryPaths.Screenshots, $"{name}-{theme}.png"),
            FullPage = true,
        });

        // A blank or broken page compresses to almost nothing; a finished one does not.
        Assert.True(png.Length > 50_000, $"{name}-{theme}.png is only {png.Length} bytes");
        await page.CloseAsync();
    }
}
