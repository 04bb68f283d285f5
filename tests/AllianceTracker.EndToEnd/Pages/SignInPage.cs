using Microsoft.Playwright;

namespace AllianceTracker.EndToEnd.Pages;

public sealed class SignInPage(IPage page) : AppPage(page)
{
    public async Task SignInAsync(string email, string password)
    {
        await Page.GotoAsync("/account/sign-in");
        // Typed key by key, as a person does (a filled field would hide a per-keystroke bug).
        var person = new Person(Page);
        await person.TypeAsync(Page.Locator("#email"), email, TypingSpeed.Fast);
        await person.TypeAsync(Page.Locator("#password"), password, TypingSpeed.Fast);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        // Until the next page's document has arrived (commit), then until that page is ready: its
        // circuit connected, or its change stream open. Not the load event: a CI run once saw it
        // never come within 30 s after the network had gone idle, and nothing here depends on it.
        await Page.WaitForURLAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit });
        await WaitUntilReadyAsync();
    }
}
