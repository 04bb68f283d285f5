using System.Globalization;
using AllianceTracker.EndToEnd.Infrastructure;
using AllianceTracker.Web.Features.Snapshots;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AllianceTracker.EndToEnd.Reading;

/// <summary>
/// A reader cites a proposal page: the box gives a dated permalink, the data version, a citation
/// and the latest daily snapshot, which the app's scheduler froze by itself a few seconds after it
/// started (its time set just ahead of now).
/// </summary>
public sealed class CiteThisViewTests : IAsyncLifetime
{
    private static readonly DateTime StartedAt = DateTime.UtcNow;

    private readonly BrowserApp _app = BrowserApp.With(new Dictionary<string, string>
    {
        [DailySnapshots.Setting] = TimeOnly.FromDateTime(StartedAt.AddSeconds(4)).ToString("HH:mm:ss", CultureInfo.InvariantCulture),
    });

    public Task InitializeAsync() => _app.InitializeAsync();

    public Task DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task The_box_cites_the_dated_view_and_leads_to_the_scheduled_daily_snapshot()
    {
        var today = DateOnly.FromDateTime(StartedAt.AddSeconds(4)).ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
        var page = await _app.NewPageAsync(390, 844);
        await page.GotoAsync("/proposals/ukraine-fund?asOf=2024-07-01");

        var box = page.GetByTestId("cite-view");
        await box.GetByText("Cite this view").ClickAsync();
        await Assertions.Expect(box.GetByTestId("permalink")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("/proposals/ukraine-fund\\?asOf=2024-07-01$"));
        await Assertions.Expect(box.GetByTestId("suggested-citation")).ToContainTextAsync("“€100bn five-year fund for Ukraine”, as of 1 July 2024 (data version ");

        // The scheduler's time comes a few seconds after the start: wait for its snapshot, not a fixed time.
        await WaitForScheduledSnapshotAsync();
        await box.GetByTestId("latest-snapshot").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/snapshots/[a-z0-9]+$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Daily snapshot, {today}");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("scheduled");
        await page.Context.CloseAsync();
    }

    private async Task WaitForScheduledSnapshotAsync()
    {
        var snapshots = _app.Services.GetRequiredService<SnapshotService>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await snapshots.LatestAsync())?.Summary.CreatedBy != "scheduled")
        {
            Assert.True(DateTime.UtcNow < deadline, "the scheduler froze no snapshot within 30 s of its time");
            await Task.Delay(100);
        }
    }
}
