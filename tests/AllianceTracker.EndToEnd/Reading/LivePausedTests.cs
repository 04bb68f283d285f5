using AllianceTracker.EndToEnd.Infrastructure;
using AllianceTracker.EndToEnd.Pages;
using Microsoft.Playwright;

namespace AllianceTracker.EndToEnd.Reading;

/// <summary>When the server turns a page's live stream away (its limits), the page says so rather than going quietly stale.</summary>
public sealed class LivePausedTests : IAsyncLifetime
{
    private readonly BrowserApp _app = BrowserApp.With(new Dictionary<string, string> { ["Live:StreamsPerClient"] = "1" });

    public Task InitializeAsync() => _app.InitializeAsync();

    public Task DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task A_page_whose_stream_is_refused_says_live_updates_are_paused()
    {
        var first = new DashboardPage(await _app.NewPageAsync());
        await first.OpenAsync();
        var note = first.Page.Locator("[data-testid=live-paused]");
        await Assertions.Expect(note).ToBeHiddenAsync();

        // The same reader's second tab is one stream too many for this server's limit of one.
        var second = await _app.NewPageAsync();
        await second.GotoAsync("/members/HUN");

        await Assertions.Expect(second.Locator("html")).ToHaveAttributeAsync("data-live", "paused");
        await Assertions.Expect(second.Locator("[data-testid=live-paused]")).ToBeVisibleAsync();
        await Assertions.Expect(second.Locator("#live-announcer")).ToHaveTextAsync("Live updates are paused; this page catches up when they resume.");
        await Assertions.Expect(note).ToBeHiddenAsync();
        await first.CloseAsync();
        await second.Context.CloseAsync();
    }
}
