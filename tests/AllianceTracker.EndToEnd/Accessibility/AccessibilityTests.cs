using AllianceTracker.EndToEnd.Infrastructure;
using AllianceTracker.EndToEnd.Pages;
using Microsoft.Playwright;

namespace AllianceTracker.EndToEnd.Accessibility;

public sealed class AccessibilityTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    public static TheoryData<string, ColorScheme> Pages => new()
    {
        { "/", ColorScheme.Light },
        { "/", ColorScheme.Dark },
        { "/members/HUN", ColorScheme.Light },
        { "/members/HUN", ColorScheme.Dark },
        { "/proposals/ukraine-fund", ColorScheme.Light },
        { "/proposals/ukraine-fund", ColorScheme.Dark },
        { "/snapshots", ColorScheme.Light },
        { "/compare?from=2024-04-02&to=now", ColorScheme.Light },
        { "/compare?from=2024-04-02&to=now", ColorScheme.Dark },
        { "/sources", ColorScheme.Light },
        { "/sources", ColorScheme.Dark },
        { "/?asOf=2024-05-01", ColorScheme.Light },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Axe_finds_no_serious_or_critical_violation(string url, ColorScheme scheme)
    {
        var page = new DashboardPage(await app.NewPageAsync(colorScheme: scheme));
        await page.GoToAsync(url);
        await page.Page.Locator($"html[data-theme='{(scheme == ColorScheme.Dark ? "dark" : "light")}']").WaitForAsync();

        await PageChecks.AssertNoSeriousAccessibilityViolationsAsync(page.Page);
        await page.CloseAsync();
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/members/HUN")]
    [InlineData("/proposals/ukraine-fund")]
    [InlineData("/sources")]
    [InlineData("/compare?from=2024-04-02&to=now")]
    public async Task At_390px_wide_the_page_does_not_scroll_sideways(string url)
    {
        var page = new DashboardPage(await app.NewPageAsync(width: 390, height: 844));
        await page.GoToAsync(url);

        // The stance matrix scrolls inside its own box; the page itself must fit the phone.
        var overflow = await page.Page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");

        Assert.True(overflow <= 0, $"the page is {overflow}px wider than the viewport");
        await page.CloseAsync();
    }
}
