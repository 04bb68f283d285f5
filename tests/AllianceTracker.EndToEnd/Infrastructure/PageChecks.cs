using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace AllianceTracker.EndToEnd.Infrastructure;

/// <summary>The checks every browser test runs the same way: an axe scan and a README screenshot.</summary>
public static class PageChecks
{
    /// <summary>Fails with each serious or critical axe violation, its rule and the first offending elements.</summary>
    public static async Task AssertNoSeriousAccessibilityViolationsAsync(IPage page)
    {
        // Chips fade between theme colours; scan the settled page, not a frame of the fade.
        await page.AddStyleTagAsync(new() { Content = "*, *::before, *::after { transition: none !important; animation: none !important; }" });

        var result = await page.RunAxe();

        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, string.Join(Environment.NewLine, serious.Select(v =>
            $"{v.Id} [{v.Impact}] {v.Help}: {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}")));
    }

    /// <summary>
    /// Takes a screenshot and checks it is a finished page: a blank or broken page compresses to
    /// almost nothing, a finished one does not. It is kept in docs/screenshots only when
    /// scripts/screenshots.sh asks for it (ALLIANCE_TRACKER_SCREENSHOTS names the folder): a test
    /// run must not rewrite tracked files.
    /// </summary>
    public static async Task SaveScreenshotAsync(IPage page, string fileName, bool fullPage = true, int minimumBytes = 30_000)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        var png = await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, fileName), FullPage = fullPage });
        Assert.True(png.Length > minimumBytes, $"{fileName} is only {png.Length} bytes");
    }

    private static string ScreenshotFolder =>
        Environment.GetEnvironmentVariable("ALLIANCE_TRACKER_SCREENSHOTS") is { Length: > 0 } folder
            ? folder
            : Path.Combine(Path.GetTempPath(), "alliance-tracker-screenshots");
}
