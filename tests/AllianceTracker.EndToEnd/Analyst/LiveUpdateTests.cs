using AllianceTracker.EndToEnd.Infrastructure;
using AllianceTracker.EndToEnd.Pages;
using AllianceTracker.Tests.Shared;
using AllianceTracker.Web.Domain;
using AllianceTracker.Web.Features.Stances;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AllianceTracker.EndToEnd.Analyst;

public sealed class LiveUpdateTests : FreshBrowserAppTest
{
    [Fact]
    public async Task A_stance_change_reaches_every_open_page_without_a_reload()
    {
        var dashboard = new DashboardPage(await App.NewPageAsync());
        var member = new MemberPage(await App.NewPageAsync());
        var proposal = new ProposalPage(await App.NewPageAsync());
        await dashboard.OpenAsync();
        await member.OpenAsync("FRA");
        await proposal.OpenAsync("ramstein-coordination");
        foreach (var page in new[] { dashboard.Page, member.Page, proposal.Page })
        {
            // Survives only if the page is never reloaded.
            await page.EvaluateAsync("window.__notReloaded = true");
        }

        var recorder = App.Services.GetRequiredService<StanceRecorder>();
        var cell = await recorder.GetCellAsync("FRA", "ramstein-coordination");
        await recorder.RecordAsync(TestEditors.Editor("e2e-editor"), new StanceChangeInput(
            "FRA", "ramstein-coordination", Stance.Supports, null, new DateOnly(2024, 6, 14),
            "End-to-end test: France backs the NATO lead.",
            [new EvidenceInput("icaro-2024-04-stoltenberg-ukraine-fund", "End-to-end test excerpt.")], cell.Version));

        await Assertions.Expect(dashboard.Cell("FRA", "ramstein-coordination")).ToHaveAttributeAsync("data-stance", "supports");
        await Assertions.Expect(dashboard.Cell("FRA", "ramstein-coordination")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("cell-changed"));
        await Assertions.Expect(member.Position("ramstein-coordination")).ToHaveAttributeAsync("data-stance", "supports");
        await Assertions.Expect(proposal.MapMember("FRA")).ToHaveAttributeAsync("data-stance", "supports");
        await Assertions.Expect(member.TimelineEntries).ToHaveCountAsync(1);
        foreach (var page in new[] { dashboard.Page, member.Page, proposal.Page })
        {
            Assert.True(await page.EvaluateAsync<bool>("window.__notReloaded === true"));
        }

        await dashboard.CloseAsync();
        await member.CloseAsync();
        await proposal.CloseAsync();
    }
}
