using Microsoft.Playwright;

namespace AllianceTracker.EndToEnd.Reading;

/// <summary>
/// The compare form on a desk screen and a phone: its From and To sides never overlap, and the page
/// never scrolls sideways — even with a snapshot whose long title is one of the choices.
/// </summary>
public sealed class CompareLayoutTests(ReadingApp reading) : IClassFixture<ReadingApp>
{
    [Theory]
    [InlineData(1280, Viewer.Reader)]
    [InlineData(390, Viewer.Reader)]
    [InlineData(1280, Viewer.Editor)]
    [InlineData(390, Viewer.Editor)]
    public async Task The_two_sides_lay_out_without_overlap_or_sideways_scroll(int width, Viewer viewer)
    {
        var page = await reading.PageForAsync(viewer, width, 900);
        await page.GotoAsync($"/compare?from=snapshot:{reading.SnapshotId}&to=now");
        await Assertions.Expect(page.Locator("[data-testid=compare-heading]")).ToContainTextAsync("snapshot");

        var layout = await page.EvaluateAsync<System.Text.Json.JsonElement>("""
            () => {
              const [from, to] = [...document.querySelectorAll('.compare-side')].map(e => e.getBoundingClientRect());
              const overlapX = Math.max(0, Math.min(from.right, to.right) - Math.max(from.left, to.left));
              const overlapY = Math.max(0, Math.min(from.bottom, to.bottom) - Math.max(from.top, to.top));
              return { overlap: overlapX * overlapY, scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth,
                       fromRight: from.right, toRight: to.right };
            }
            """);

        double Of(string name) => layout.GetProperty(name).GetDouble();
        Assert.Equal(0, Of("overlap"));
        Assert.True(Of("scrollWidth") <= Of("clientWidth"), $"The page is {Of("scrollWidth")} px wide in a {Of("clientWidth")} px window.");
        Assert.True(Of("fromRight") <= Of("clientWidth") && Of("toRight") <= Of("clientWidth"), "A side reaches past the window's edge.");
        await page.CloseAsync();
    }
}
