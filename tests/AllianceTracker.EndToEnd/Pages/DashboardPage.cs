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

    /// <summary>Types the search key by key and clicks Apply, as a person does.</summary>
    public async Task SearchAsync(string text)
    {
        await new Person(Page).TypeAsync(Page.Locator("[data-testid=filter-text]"), text, TypingSpeed.Fast);
        await Page.Locator("[data-testid=filters-apply]").ClickAsync();
        await WaitForViewAsync("q=" + Uri.EscapeDataString(text));
    }

    /// <summary>Types the as-of date digit by digit and clicks Show, as a person does.</summary>
    public async Task ShowDateAsync(DateOnly date)
    {
        await Person.TypeDateAsync(Page.Locator("[data-testid=as-of]"), date, TypingSpeed.Fast);
        await Page.Locator("[data-testid=as-of-apply]").ClickAsync();
        await WaitForViewAsync($"asOf={date:yyyy-MM-dd}");
    }

    /// <summary>Picks an option in one of the filter selects; the page applies it, so wait for the address to say so.</summary>
    public async Task ChooseAsync(string filter, string option, string expectedInAddress)
    {
        await Page.Locator($"[data-testid=filter-{filter}]").SelectOptionAsync(new SelectOptionValue { Label = option });
        await WaitForAddressAsync(expectedInAddress);
    }
}
