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
        // What a README reader sees: the page in the theme the file is named after, as wide as the
        // window it was taken in, and (full page) as long as the page, not a blank or cut frame.
        var dark = fileName.Contains("-dark", StringComparison.Ordinal);
        var background = await page.EvaluateAsync<double[]>(
            "() => (getComputedStyle(document.body).backgroundColor.match(/\\d+(\\.\\d+)?/g) || []).slice(0, 3).map(Number)");
        var luminance = (0.2126 * background[0] + 0.7152 * background[1] + 0.0722 * background[2]) / 255;
        Assert.True(dark ? luminance < 0.25 : luminance > 0.75, $"{fileName}: the page's background {string.Join(",", background)} is not {(dark ? "dark" : "light")}");
        var viewport = page.ViewportSize!;
        var pageHeight = await page.EvaluateAsync<int>("() => document.documentElement.scrollHeight");

        Directory.CreateDirectory(ScreenshotFolder);
        var png = await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, fileName), FullPage = fullPage });

        Assert.True(png.Length > minimumBytes, $"{fileName} is only {png.Length} bytes");
        var (width, height) = PngSize(png);
        Assert.Equal(viewport.Width, width);
        Assert.Equal(fullPage ? Math.Max(pageHeight, viewport.Height) : viewport.Height, height);
    }

    /// <summary>A PNG's width and height, from its header chunk (bytes 16–23, big-endian).</summary>
    public static (int Width, int Height) PngSize(byte[] png)
    {
        Assert.True(png.AsSpan(1, 3).SequenceEqual("PNG"u8), "not a PNG file");
        return (System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)), System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
    }

    private static string ScreenshotFolder =>
        Environment.GetEnvironmentVariable("ALLIANCE_TRACKER_SCREENSHOTS") is { Length: > 0 } folder
            ? folder
            : Path.Combine(Path.GetTempPath(), "alliance-tracker-screenshots");
}
