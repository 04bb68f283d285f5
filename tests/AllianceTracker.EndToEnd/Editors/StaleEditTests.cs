using AllianceTracker.EndToEnd.Infrastructure;
using AllianceTracker.EndToEnd.Pages;
using Microsoft.Playwright;
using Roles = AllianceTracker.Web.Features.Accounts.Roles;

namespace AllianceTracker.EndToEnd.Editors;

/// <summary>Two editors on one proposal: the second to save on what they read is told, and keeps what they typed.</summary>
public sealed class StaleEditTests : FreshBrowserAppTest
{
    [Fact]
    public async Task A_revision_saved_after_another_editors_decision_is_refused_with_what_was_typed_kept()
    {
        var page = await App.SignedInPageAsync(Roles.Editor, height: 1000);
        await page.GotoAsync("/proposals/ukraine-fund/edit");
        await page.Locator("[data-interactive='true']").WaitForAsync();
        var title = page.Locator("[data-testid=proposal-title] input, input[data-testid=proposal-title]").First;
        await new Person(page).TypeAsync(title, "Five-year fund for Ukraine", TypingSpeed.Fast);

        // Meanwhile another editor records the summit's decision.
        var other = await App.SignedInPageAsync(Roles.Editor);
        var decided = await other.APIRequest.PostAsync("/api/v1/proposals/ukraine-fund/outcomes", new()
        {
            Headers = new Dictionary<string, string> { ["X-Requested-With"] = "XMLHttpRequest" },
            DataObject = new
            {
                outcome = "dropped", decidedOn = "2024-07-10", note = "Not in the declaration.",
                evidence = new[] { new { source = "icaro-2024-04-stoltenberg-ukraine-fund", excerpt = "A stale edit test excerpt." } },
            },
        });
        Assert.Equal(201, decided.Status);

        await page.Locator("[data-testid=proposal-save]").ClickAsync();

        await Assertions.Expect(page.Locator("[data-testid=form-fault]").First).ToContainTextAsync("Another editor changed this proposal");
        await Assertions.Expect(title).ToHaveValueAsync("Five-year fund for Ukraine");
        var proposal = await other.APIRequest.GetAsync("/api/v1/proposals/ukraine-fund");
        Assert.Contains("€100bn five-year fund for Ukraine", await proposal.TextAsync());
        await page.Context.CloseAsync();
        await other.Context.CloseAsync();
    }
}
