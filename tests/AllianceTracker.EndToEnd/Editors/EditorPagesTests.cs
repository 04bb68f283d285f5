using AllianceTracker.EndToEnd.Infrastructure;
using AllianceTracker.EndToEnd.Pages;
using Microsoft.Playwright;
using Roles = AllianceTracker.Web.Features.Accounts.Roles;

namespace AllianceTracker.EndToEnd.Editors;

/// <summary>The pages editors and admins use: no serious accessibility violation, and the README's screenshots.</summary>
public sealed class EditorPagesTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task The_sign_in_page_is_accessible()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/account/sign-in");

        await PageChecks.AssertNoAccessibilityViolationsAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    [Trait("Category", "Screenshots")]
    public async Task The_edit_dialog_is_accessible()
    {
        var page = await app.SignedInPageAsync(Roles.Editor, height: 1000);
        var dashboard = new DashboardPage(page);
        await dashboard.OpenAsync();

        await StanceEditDialog.OpenAsync(page, "SVK", "ukraine-fund");

        await PageChecks.AssertNoAccessibilityViolationsAsync(page);
        // The dialog floats over the viewport: a full-page shot would cut the page around it.
        await PageChecks.SaveScreenshotAsync(page, "edit-dialog-light.png", fullPage: false);
        await page.Context.CloseAsync();
    }

    [Theory]
    [Trait("Category", "Screenshots")]
    [InlineData("/audit", "audit-light.png")]
    [InlineData("/proposals/new", null)]
    public async Task Editor_pages_are_accessible(string url, string? screenshot)
    {
        var page = await app.SignedInPageAsync(Roles.Editor, height: 1000);
        await new DashboardPage(page).GoToAsync(url);

        await PageChecks.AssertNoAccessibilityViolationsAsync(page);
        if (screenshot is not null)
        {
            await PageChecks.SaveScreenshotAsync(page, screenshot);
        }

        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_users_page_is_accessible_to_admins()
    {
        var page = await app.SignedInPageAsync(Roles.Admin, height: 1000);
        await new DashboardPage(page).GoToAsync("/admin/users");

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Users and roles");
        await PageChecks.AssertNoAccessibilityViolationsAsync(page);
        await page.Context.CloseAsync();
    }
}
