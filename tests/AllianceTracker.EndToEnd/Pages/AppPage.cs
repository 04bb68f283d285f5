using Microsoft.Playwright;

namespace AllianceTracker.EndToEnd.Pages;

/// <summary>What every page of the app shares: opening it and waiting until it is interactive.</summary>
public abstract class AppPage(IPage page)
{
    public IPage Page { get; } = page;

    public async Task GoToAsync(string relativeUrl)
    {
        await Page.GotoAsync(relativeUrl);
        await WaitUntilReadyAsync();
    }

    /// <summary>
    /// A reading page is ready when its script follows the change stream; an editor's page when
    /// its circuit is connected (a click before that would do nothing).
    /// </summary>
    public Task WaitUntilReadyAsync() => Page.Locator("html[data-live='listening'], [data-interactive='true']").First.WaitForAsync();

    /// <summary>The page script has finished a navigation it started (a filter, a live refresh).</summary>
    public Task WaitUntilSettledAsync() => Assertions.Expect(Page.Locator("html")).Not.ToHaveAttributeAsync("data-navigating", "true");

    /// <summary>
    /// Waits until the address contains <paramref name="fragment"/> and the page shows that
    /// address's view: the page script (readers) or the circuit (editors) has finished applying it,
    /// and the page's marker names the same address. Without a script, the page that loaded is it.
    /// </summary>
    public async Task WaitForViewAsync(string fragment)
    {
        await WaitForAddressAsync(fragment);
        await Page.WaitForFunctionAsync(ShowsItsAddress, null, new() { Timeout = 15_000 });
    }

    private const string ShowsItsAddress = """
        () => {
            const marker = document.querySelector('[data-view-url]');
            if (!marker) return false;
            const sorted = url => Array.from(url.searchParams.entries()).map(p => p.join('=')).sort().join('&');
            const shown = new URL(marker.dataset.viewUrl, document.baseURI);
            const here = new URL(location.href);
            return shown.pathname.toLowerCase() === here.pathname.toLowerCase() && sorted(shown) === sorted(here);
        }
        """;

    /// <summary>The page is a reading page: rendered on the server, no circuit.</summary>
    public async Task<bool> IsReadingPageAsync() => await Page.Locator("body[data-mode='reading']").CountAsync() == 1;

    public async Task CloseAsync() => await Page.Context.CloseAsync();

    /// <summary>
    /// Waits until the address contains <paramref name="fragment"/>. Blazor navigates inside the
    /// page (history API), so there is no load event to wait for: poll the URL instead.
    /// </summary>
    public async Task WaitForAddressAsync(string fragment)
    {
        await Assertions.Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(System.Text.RegularExpressions.Regex.Escape(fragment)));
        await WaitUntilSettledAsync();
    }
}
