using Microsoft.Playwright;

namespace AllianceTracker.EndToEnd.Reading;

/// <summary>
/// Readers' pages link reading.css, the part of MudBlazor's stylesheet they use (issue 25). It must
/// draw them exactly as the whole sheet does: each page is taken twice, with the reading sheet and
/// with MudBlazor.min.css served in its place, and the two screenshots compared pixel by pixel.
/// </summary>
public sealed class ReadingStylesheetLookTests(ReadingApp reading) : IClassFixture<ReadingApp>
{
    public static TheoryData<string, int, ColorScheme> Views()
    {
        var views = new TheoryData<string, int, ColorScheme>();
        foreach (var address in new[] { "/", "/proposals/ukraine-fund", "/members/HUN" })
        {
            foreach (var width in new[] { 1440, 390 })
            {
                foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
                {
                    views.Add(address, width, scheme);
                }
            }
        }

        return views;
    }

    [Theory]
    [MemberData(nameof(Views))]
    public async Task The_reading_sheet_draws_the_page_as_MudBlazors_whole_sheet_does(string address, int width, ColorScheme scheme)
    {
        var page = await reading.App.NewPageAsync(width, 844, scheme);
        var withReadingSheet = await ScreenshotAsync(page, address, scheme);
        var wholeSheet = new Uri(reading.App.BaseAddress, "_content/MudBlazor/MudBlazor.min.css").ToString();
        await page.RouteAsync("**/reading.*.css", route => route.ContinueAsync(new() { Url = wholeSheet }));
        var withWholeSheet = await ScreenshotAsync(page, address, scheme);

        var difference = withReadingSheet.AsSpan().SequenceEqual(withWholeSheet) ? null : await DifferenceAsync(page, withReadingSheet, withWholeSheet);
        if (difference is not null)
        {
            var folder = Path.Combine(Path.GetTempPath(), "alliance-tracker-screenshots");
            Directory.CreateDirectory(folder);
            var name = $"look{address.Replace('/', '-').TrimEnd('-')}-{width}-{scheme.ToString().ToLowerInvariant()}";
            await File.WriteAllBytesAsync(Path.Combine(folder, name + "-reading.png"), withReadingSheet);
            await File.WriteAllBytesAsync(Path.Combine(folder, name + "-whole.png"), withWholeSheet);
            Assert.Fail($"{address} at {width} px, {scheme}: {difference} (both in {folder}/{name}-*.png)");
        }

        await page.Context.CloseAsync();
    }

    private static async Task<byte[]> ScreenshotAsync(IPage page, string address, ColorScheme scheme)
    {
        await page.GotoAsync(address);
        await page.Locator($"html[data-theme='{(scheme == ColorScheme.Dark ? "dark" : "light")}'][data-live='listening']").WaitForAsync();
        // The settled page, not a frame of a chip's fade.
        await page.AddStyleTagAsync(new() { Content = "*, *::before, *::after { transition: none !important; animation: none !important; }" });
        return await page.ScreenshotAsync(new() { FullPage = true });
    }

    /// <summary>How two screenshots differ, counted in a blank page's canvas (no image library needed): null when alike.</summary>
    private static async Task<string?> DifferenceAsync(IPage page, byte[] first, byte[] second)
    {
        await page.GotoAsync("about:blank");
        var counted = await page.EvaluateAsync<int[]>(
            """
            async ([a, b]) => {
                const load = src => new Promise((done, fail) => { const image = new Image(); image.onload = () => done(image); image.onerror = fail; image.src = 'data:image/png;base64,' + src; });
                const [x, y] = await Promise.all([load(a), load(b)]);
                if (x.width !== y.width || x.height !== y.height) return [-1, x.width, x.height, y.width, y.height];
                const pixels = image => {
                    const canvas = document.createElement('canvas');
                    canvas.width = image.width; canvas.height = image.height;
                    const context = canvas.getContext('2d');
                    context.drawImage(image, 0, 0);
                    return context.getImageData(0, 0, canvas.width, canvas.height).data;
                };
                const p = pixels(x), q = pixels(y);
                let differing = 0, top = -1, bottom = -1;
                for (let i = 0; i < p.length; i += 4) {
                    if (p[i] !== q[i] || p[i + 1] !== q[i + 1] || p[i + 2] !== q[i + 2] || p[i + 3] !== q[i + 3]) {
                        const row = Math.floor(i / 4 / x.width);
                        differing++; top = top < 0 ? row : top; bottom = row;
                    }
                }
                return [differing, top, bottom, x.width, x.height];
            }
            """,
            new[] { Convert.ToBase64String(first), Convert.ToBase64String(second) });
        return counted[0] switch
        {
            0 => null,
            < 0 => $"the pages differ in size: {counted[1]}×{counted[2]} px with the reading sheet, {counted[3]}×{counted[4]} with the whole",
            _ => $"{counted[0]} of {counted[3] * counted[4]} pixels differ, in rows {counted[1]}–{counted[2]}",
        };
    }
}
