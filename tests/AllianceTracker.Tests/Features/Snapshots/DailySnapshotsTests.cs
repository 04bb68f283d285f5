using System.Net.Http.Json;
using System.Text.Json;
using AllianceTracker.Tests.Shared;
using AllianceTracker.Tests.Support;
using AllianceTracker.Web.Data;
using AllianceTracker.Web.Domain;
using AllianceTracker.Web.Features.Snapshots;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AllianceTracker.Tests.Features.Snapshots;

/// <summary>The app freezes a snapshot once a day by itself, author "scheduled", served at the latest address.</summary>
public sealed class DailySnapshotsTests
{
    [Fact]
    public async Task A_start_after_the_time_freezes_the_days_snapshot_once_and_latest_serves_it()
    {
        await using var app = new AllianceAppFactory { Settings = new Dictionary<string, string> { [DailySnapshots.Setting] = "00:00" } };
        var client = app.Anonymous();

        var latest = await WaitForLatestAsync(client);
        var again = await app.Services.GetRequiredService<DailySnapshots>().FreezeIfDueAsync(TimeOnly.MinValue, CancellationToken.None);

        Assert.Equal("scheduled", latest.GetProperty("createdBy").GetString());
        Assert.Equal($"Daily snapshot, {DateTime.UtcNow:d MMMM yyyy}", latest.GetProperty("title").GetString());
        Assert.Equal(DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), latest.GetProperty("asOf").GetString());
        Assert.Null(again);
        var all = await app.Services.GetRequiredService<SnapshotService>().ListAsync();
        Assert.Single(all, s => s.CreatedBy == "scheduled");
        var page = await client.GetAsync("/snapshots/latest");
        Assert.EndsWith($"/snapshots/{latest.GetProperty("id").GetString()}", page.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_instances_due_at_once_freeze_one_snapshot_and_the_late_one_says_nothing_went_wrong()
    {
        await using var app = new AllianceAppFactory { Settings = new Dictionary<string, string> { [DailySnapshots.Setting] = "off" } };
        var database = app.Services.GetRequiredService<IDbContextFactory<AllianceDbContext>>();
        // The other instance's insert lands after this one checked that none was frozen today and
        // before its own insert: the order a cluster's two schedulers can run in at 00:05.
        var otherInstanceFirst = new OtherInstanceFreezesFirst(database);
        var late = ActivatorUtilities.CreateInstance<DailySnapshots>(app.Services, ActivatorUtilities.CreateInstance<SnapshotService>(app.Services, otherInstanceFirst));

        var frozen = await late.FreezeIfDueAsync(TimeOnly.MinValue, CancellationToken.None);

        Assert.Null(frozen);
        Assert.True(otherInstanceFirst.Froze);
        var scheduled = Assert.Single(await app.Services.GetRequiredService<SnapshotService>().ListAsync(), s => s.CreatedBy == "scheduled");
        Assert.Equal("other", scheduled.Id);
        Assert.Empty(app.ErrorsLogged.Lines);
    }

    [Fact]
    public async Task An_editors_snapshot_of_the_same_day_is_not_held_up_by_the_daily_one()
    {
        await using var app = new AllianceAppFactory { Settings = new Dictionary<string, string> { [DailySnapshots.Setting] = "00:00" } };
        var client = app.Anonymous();
        await WaitForLatestAsync(client);

        var mine = await app.Services.GetRequiredService<SnapshotService>().CreateAsync(
            TestEditors.Editor(), "Before the ministers' meeting", null, DateOnly.FromDateTime(DateTime.UtcNow));

        Assert.Equal(2, (await app.Services.GetRequiredService<SnapshotService>().ListAsync()).Count(s => s.AsOf == mine.AsOf));
    }

    /// <summary>Hands out the app's contexts; before the first, writes the day's scheduled snapshot as another instance would.</summary>
    private sealed class OtherInstanceFreezesFirst(IDbContextFactory<AllianceDbContext> database) : IDbContextFactory<AllianceDbContext>
    {
        public bool Froze { get; private set; }

        public AllianceDbContext CreateDbContext()
        {
            if (!Froze)
            {
                using var other = database.CreateDbContext();
                other.Snapshots.Add(new Snapshot
                {
                    Id = "other", Title = "Daily snapshot (the other instance)", AsOf = DateOnly.FromDateTime(DateTime.UtcNow),
                    CreatedAtUtc = DateTime.UtcNow, CreatedBy = "scheduled", Content = "{}", Sha256 = new string('0', 64),
                    DailyOf = DateOnly.FromDateTime(DateTime.UtcNow),
                });
                other.SaveChanges();
                Froze = true;
            }

            return database.CreateDbContext();
        }
    }

    [Theory]
    [InlineData("off")]
    [InlineData("")]
    public async Task Off_freezes_nothing(string setting)
    {
        await using var app = new AllianceAppFactory { Settings = new Dictionary<string, string> { [DailySnapshots.Setting] = setting } };

        Assert.Null(DailySnapshots.ReadTime(app.Services.GetRequiredService<IConfiguration>()));
        Assert.Empty(await app.Services.GetRequiredService<SnapshotService>().ListAsync());
    }

    [Fact]
    public async Task Before_the_time_nothing_is_frozen()
    {
        await using var app = new AllianceAppFactory();

        var frozen = await app.Services.GetRequiredService<DailySnapshots>().FreezeIfDueAsync(new TimeOnly(23, 59, 59, 999), CancellationToken.None);

        Assert.Null(frozen);
    }

    [Fact]
    public void A_time_that_is_not_one_stops_the_start_and_names_the_setting()
    {
        using var app = new AllianceAppFactory { Settings = new Dictionary<string, string> { [DailySnapshots.Setting] = "25:99" } };

        Assert.ThrowsAny<Exception>(() => app.CreateClient());

        // The test host reports only that its server never started; the app's log names why.
        Assert.Contains(app.ErrorsLogged.Lines, line => line.Contains("Snapshots:DailyAtUtc is '25:99'", StringComparison.Ordinal));
    }

    private static async Task<JsonElement> WaitForLatestAsync(HttpClient client)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var response = await client.GetAsync("/api/v1/snapshots/latest");
            if (response.IsSuccessStatusCode)
            {
                return await response.Content.ReadFromJsonAsync<JsonElement>();
            }

            Assert.True(DateTime.UtcNow < deadline, "no daily snapshot 20 s after the start");
            await Task.Delay(100);
        }
    }
}
