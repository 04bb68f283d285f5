using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace AllianceTracker.EndToEnd.Infrastructure;

/// <summary>The checks every browser test runs the same way: an axe scan and a README screenshot.</summary>
public static class PageChecks
{
    /// <summary>The rules every page is held to: WCAG 2.2 A and AA, and axe's best practice.</summary>
    public static readonly IReadOnlyList<string> AxeTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

    /// <summary>Fails with each axe violation of <see cref="AxeTags"/>, whatever its impact: its rule and the first offending elements.</summary>
    public static async Task AssertNoAccessibilityViolationsAsync(IPage page)
    {
        var violations = await AccessibilityViolationsAsync(page);
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    /// <summary>Each axe violation of <see cref="AxeTags"/> on the page as it is now, one line each.</summary>
    public static async Task<IReadOnlyList<string>> AccessibilityViolationsAsync(IPage page)
    {
        // Chips fade between theme colours; scan the settled page, not a frame of the fade.
        await page.AddStyleTagAsync(new() { Content = "*, *::before, *::after { transition: none !important; animation: none !important; }" });
        var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. AxeTags] } });
        return result.Violations
            .Select(v => $"{v.Id} [{v.Impact}] {v.Help}: {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}")
            .ToList();
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
