using Microsoft.Playwright;

namespace AllianceTracker.EndToEnd.Pages;

/// <summary>Page object for the consensus dashboard at /.</summary>
public sealed class DashboardPage(IPage page) : AppPage(page)
{
    public ILocator MemberRows => Page.Locator(".stance-matrix tbody tr");

    public ILocator ConsensusCards => Page.Locator(".consensus-card");

    public ILocator Count => Page.Locator("[data-testid=matrix-count]");

    public ILocator Cell(string member, string proposal) =>
        Page.Locator($"tr[data-member='{member}'] td[data-proposal='{proposal}']");

    public ILocator Card(string proposal) => Page.Locator($".consensus-card[data-proposal='{proposal}']");

    public Task OpenAsync() => GoToAsync("/");

    public async Task<IReadOnlyList<string>> MemberCodesAsync()
    {
        var codes = new List<string>();
        foreach (var row in await MemberRows.AllAsync())
        {
            codes.Add((await row.GetAttributeAsync("data-member"))!);
        }

        return codes;
    }

    public async Task SearchAsync(string text)
    {
        await Page.Locator("[data-testid=filter-text]").FillAsync(text);
        await WaitForAddressAsync("q=" + Uri.EscapeDataString(text));
    }

    /// <summary>Picks an option in one of the filter selects; the page applies it, so wait for the address to say so.</summary>
    public async Task ChooseAsync(string filter, string option, string expectedInAddress)
    {
        await Page.Locator($"[data-testid=filter-{filter}]").SelectOptionAsync(new SelectOptionValue { Label = option });
        await WaitForAddressAsync(expectedInAddress);
    }
}
