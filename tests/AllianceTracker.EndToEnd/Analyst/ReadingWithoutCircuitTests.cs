using AllianceTracker.EndToEnd.Infrastructure;
using AllianceTracker.EndToEnd.Pages;
using Microsoft.Playwright;
using Roles = AllianceTracker.Web.Features.Accounts.Roles;

namespace AllianceTracker.EndToEnd.Analyst;

/// <summary>Readers get server-rendered pages and live updates over the change stream, never a circuit.</summary>
public sealed class ReadingWithoutCircuitTests : FreshBrowserAppTest
{
    [Fact]
    public async Task Reading_pages_and_their_filters_open_no_circuit()
    {
        var page = await App.NewPageAsync();
        var circuitTraffic = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.Url.Contains("/_blazor", StringComparison.Ordinal))
            {
                circuitTraffic.Add(request.Url);
            }
        };
        page.WebSocket += (_, socket) => circuitTraffic.Add(socket.Url);
        var reader = new DashboardPage(page);

        foreach (var url in new[] { "/", "/members", "/members/HUN", "/proposals", "/proposals/ukraine-fund", "/snapshots", "/compare?from=2024-04-02&to=now" })
        {
            await reader.GoToAsync(url);
            Assert.True(await reader.IsReadingPageAsync(), $"{url} is not a reading page");
        }

        await reader.OpenAsync();
        await reader.ChooseAsync("region", "Northern Europe", "region=Northern");
        await reader.ShowDateAsync(new DateOnly(2024, 4, 2));

        Assert.Empty(circuitTraffic);
        await reader.CloseAsync();
    }

    [Fact]
    public async Task An_edit_saved_through_the_api_appears_on_an_open_reading_page_within_2_s_where_the_reader_was()
    {
        var reader = new DashboardPage(await App.NewPageAsync(height: 600));
        await reader.OpenAsync();
        var cell = reader.Cell("SWE", "ramstein-coordination");
        await cell.ScrollIntoViewIfNeededAsync();
        var scrolledTo = await reader.Page.EvaluateAsync<int>("Math.round(window.scrollY)");
        await reader.Page.EvaluateAsync("window.__notReloaded = true");
        var editor = await App.SignedInPageAsync(Roles.Editor);

        var saved = await editor.APIRequest.PostAsync("/api/v1/stances", new()
        {
            // As any script would: API writes need it (a cross-site form cannot send it).
            Headers = new Dictionary<string, string> { ["X-Requested-With"] = "XMLHttpRequest" },
            DataObject = new
            {
                member = "SWE", proposal = "ramstein-coordination", stance = "supports", effectiveDate = "2024-06-14",
                reason = "Stockholm backs the NATO lead.",
                evidence = new[] { new { source = "icaro-2024-04-stoltenberg-ukraine-fund", excerpt = "A live update test excerpt." } },
            },
        });

        Assert.Equal(201, saved.Status);
        await Assertions.Expect(cell).ToHaveAttributeAsync("data-stance", "supports", new() { Timeout = 2_000 });
        await Assertions.Expect(cell).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("cell-changed"));
        await reader.WaitUntilSettledAsync();
        Assert.True(await reader.Page.EvaluateAsync<bool>("window.__notReloaded === true"), "the page was reloaded");
        Assert.InRange(await reader.Page.EvaluateAsync<int>("Math.round(window.scrollY)"), scrolledTo - 2, scrolledTo + 2);
        await reader.CloseAsync();
        await editor.Context.CloseAsync();
    }
}
