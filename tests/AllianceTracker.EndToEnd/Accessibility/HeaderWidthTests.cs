using AllianceTracker.EndToEnd.Infrastructure;

namespace AllianceTracker.EndToEnd.Accessibility;

/// <summary>
/// Editors and admins have more sections than readers: at every width the bar shows them whole
/// (no link wrapped onto two lines), or moves them into the menu, and the theme switch and Sign out
/// stay on screen — no sideways scroll.
/// </summary>
public sealed class HeaderWidthTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Theory]
    [InlineData("Admin", 1440)]
    [InlineData("Admin", 1400)]
    [InlineData("Admin", 1320)]
    [InlineData("Admin", 1300)]
    [InlineData("Admin", 970)]
    [InlineData("Editor", 1440)]
    [InlineData("Editor", 1200)]
    [InlineData("Editor", 1150)]
    [InlineData("Editor", 970)]
    public async Task The_bar_fits_the_window(string role, int width)
    {
        var page = await app.SignedInPageAsync(role, width: width, height: 400);
        await page.GotoAsync(new Uri(app.BaseAddress, "/audit").ToString());
        await page.Locator("[data-interactive='true']").WaitForAsync();

        Assert.Equal(0, await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth"));
        var toggleRight = await page.EvaluateAsync<double>("document.querySelector('.theme-toggle').getBoundingClientRect().right");
        Assert.True(toggleRight <= width, $"The theme switch ends at {toggleRight} px in a {width} px window.");
        Assert.Equal(0, await page.EvaluateAsync<int>("[...document.querySelectorAll('.top-nav a')].filter(a => a.offsetParent && a.getClientRects().length > 1).length"));
        var linksShown = await page.EvaluateAsync<bool>("getComputedStyle(document.querySelector('.top-nav')).display !== 'none'");
        var menuShown = await page.EvaluateAsync<bool>("getComputedStyle(document.querySelector('.nav-menu')).display !== 'none'");
        Assert.True(linksShown ^ menuShown, "Either the bar's links or the menu, never both or neither.");
        await page.Context.CloseAsync();
    }
}
