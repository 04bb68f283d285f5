using Microsoft.Playwright;

namespace AllianceTracker.EndToEnd.Pages;

/// <summary>Page object for the consensus dashboard at /.</summary>
public sealed class DashboardPage(IPage page)
{
    public IPage Page { get; } = page;

    public ILocator MemberRows => Page.Locator(".stance-matrix tbody tr");

    public ILocator ConsensusCards => Page.Locator(".consensus-card");

    public ILocator Cell(string member, string proposal) =>
        Page.Locator($"tr[data-member='{member}'] td[data-proposal='{proposal}']");

    public ILocator Card(string proposal) => Page.Locator($".consensus-card[data-proposal='{proposal}']");

    public async Task OpenAsync()
    {
        await Page.GotoAsync("/");
        // Clicks before the circuit is connected do nothing; wait for the layout's marker.
        await Page.Locator("[data-interactive='true']").WaitForAsync();
    }
}
