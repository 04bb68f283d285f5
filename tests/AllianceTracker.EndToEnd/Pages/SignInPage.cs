using Microsoft.Playwright;

namespace AllianceTracker.EndToEnd.Pages;

public sealed class SignInPage(IPage page) : AppPage(page)
{
    public async Task SignInAsync(string email, string password)
    {
        await Page.GotoAsync("/account/sign-in");
        await Page.Locator("#email").FillAsync(email);
        await Page.Locator("#password").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Page.WaitForURLAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal));
        await WaitUntilReadyAsync();
    }
}
