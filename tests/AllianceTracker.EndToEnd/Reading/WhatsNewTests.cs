using AllianceTracker.EndToEnd.Infrastructure;
using AllianceTracker.Tests.Shared;
using AllianceTracker.Web.Domain;
using AllianceTracker.Web.Features.Stances;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AllianceTracker.EndToEnd.Reading;

/// <summary>
/// A reader asks "what changed since I last looked?": the freshness line leads to /changes, which
/// remembers the visit in the browser; a stance recorded meanwhile, though dated 2024, is listed.
/// </summary>
public sealed class WhatsNewTests : FreshBrowserAppTest
{
    [Fact]
    public async Task What_was_recorded_since_the_last_visit_includes_a_backdated_entry()
    {
        var page = await App.NewPageAsync(390, 844);
        await page.GotoAsync("/");
        var whatsNew = page.GetByTestId("freshness").GetByRole(AriaRole.Link, new() { Name = "What's new" });
        await whatsNew.ScrollIntoViewIfNeededAsync();
        await whatsNew.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("What's new");
        // A first visit has nothing to compare with.
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Since your last visit" })).ToBeHiddenAsync();

        await RecordAsync("FRA", Stance.Supports);

        await page.GetByRole(AriaRole.Link, new() { Name = "Dashboard" }).First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/$"));
        await whatsNew.ScrollIntoViewIfNeededAsync();
        await whatsNew.ClickAsync();
        var sinceLastVisit = page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Since your last visit") });
        await Assertions.Expect(sinceLastVisit).ToBeVisibleAsync();
        await sinceLastVisit.ClickAsync();

        var changes = page.Locator("li.change");
        await Assertions.Expect(changes).ToHaveCountAsync(1);
        await Assertions.Expect(changes.First).ToContainTextAsync("France");
        await Assertions.Expect(changes.First.GetByTestId("backdated")).ToHaveTextAsync("dated 1 May 2024, recorded later");
        await Assertions.Expect(changes.First).ToContainTextAsync("A what's-new test excerpt.");
        await page.Context.CloseAsync();
    }

    private async Task RecordAsync(string member, Stance stance)
    {
        var recorder = App.Services.GetRequiredService<StanceRecorder>();
        var cell = await recorder.GetCellAsync(member, "ukraine-fund");
        await recorder.RecordAsync(TestEditors.Editor("whats-new-editor"), new StanceChangeInput(
            member, "ukraine-fund", stance, null, new DateOnly(2024, 5, 1), "What's new test: a 2024 statement found today.",
            [new EvidenceInput("icaro-2024-04-stoltenberg-ukraine-fund", "A what's-new test excerpt.")], cell.Version));
    }
}
