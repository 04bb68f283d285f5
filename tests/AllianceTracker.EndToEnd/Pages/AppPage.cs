using Microsoft.Playwright;

namespace AllianceTracker.EndToEnd.Pages;

/// <summary>What every page of the app shares: opening it and waiting until it is interactive.</summary>
public abstract class AppPage(IPage page)
{
    public IPage Page { get; } = page;

    public async Task GoToAsync(string relativeUrl)
    {
        await Page.GotoAsync(relativeUrl);
        await WaitUntilInteractiveAsync();
    }

    /// <summary>Clicks before the circuit is connected do nothing; wait for the layout's marker.</summary>
    public Task WaitUntilInteractiveAsync() => Page.Locator("[data-interactive='true']").WaitForAsync();

    public async Task CloseAsync() => await Page.Context.CloseAsync();

    /// <summary>
    /// Waits until the address contains <paramref name="fragment"/>. Blazor navigates inside the
    /// page (history API), so there is no load event to wait for: poll the URL instead.
    /// </summary>
    public Task WaitForAddressAsync(string fragment) =>
        Assertions.Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(System.Text.RegularExpressions.Regex.Escape(fragment)));
}
