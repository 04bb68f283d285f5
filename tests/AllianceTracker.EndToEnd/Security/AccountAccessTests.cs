using AllianceTracker.EndToEnd.Infrastructure;
using AllianceTracker.EndToEnd.Pages;
using AllianceTracker.Web.Features.Accounts;
using Microsoft.Playwright;

namespace AllianceTracker.EndToEnd.Security;

public sealed class AccountAccessTests : FreshBrowserAppTest
{
    [Fact]
    public async Task An_admin_disables_an_editor_and_issues_a_password_link_from_the_users_page_and_the_editor_sets_a_password_with_it()
    {
        var editor = await App.SignedInPageAsync(Roles.Editor);
        var admin = await App.SignedInPageAsync(Roles.Admin, height: 1000);
        await new DashboardPage(admin).GoToAsync("/admin/users");
        var row = admin.Locator("tr[data-user='editor@alliancetracker.example']");

        await row.Locator("[data-testid=user-disable]").ClickAsync();
        await Assertions.Expect(row.Locator("[data-testid=user-status]")).ToHaveTextAsync("Disabled");
        await row.Locator("[data-testid=user-enable]").ClickAsync();
        await Assertions.Expect(row.Locator("[data-testid=user-status]")).ToHaveTextAsync("Active");

        await row.Locator("[data-testid=user-password-link]").ClickAsync();
        var message = admin.Locator("[data-testid=users-message]");
        await Assertions.Expect(message).ToContainTextAsync("/account/set-password?email=");
        var link = System.Text.RegularExpressions.Regex.Match(await message.InnerTextAsync(), @"https?://\S+/account/set-password\?\S+").Value;

        var owner = await App.NewPageAsync();
        await owner.GotoAsync(link);
        await owner.Locator("#new").FillAsync("saffron-kettle-lighthouse-3");
        await owner.Locator("#confirm").FillAsync("saffron-kettle-lighthouse-3");
        await owner.GetByRole(AriaRole.Button, new() { Name = "Set password" }).ClickAsync();
        await Assertions.Expect(owner.Locator("[data-testid=password-done]")).ToBeVisibleAsync();

        var signIn = new Pages.SignInPage(owner);
        await signIn.SignInAsync("editor@alliancetracker.example", "saffron-kettle-lighthouse-3");
        // The header names the account as readers see it, never by its login.
        await Assertions.Expect(owner.Locator(".account-name")).ToHaveTextAsync("Editor desk");
        await PageChecks.AssertNoAccessibilityViolationsAsync(admin);
        await owner.Context.CloseAsync();
        await admin.Context.CloseAsync();
        await editor.Context.CloseAsync();
    }
}
