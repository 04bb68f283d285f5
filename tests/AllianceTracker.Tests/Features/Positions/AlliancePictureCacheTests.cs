using AllianceTracker.Tests.Shared;
using AllianceTracker.Tests.Support;
using AllianceTracker.Web.Domain;
using AllianceTracker.Web.Features.History;
using AllianceTracker.Web.Features.Positions;
using Microsoft.Extensions.Logging.Abstractions;

namespace AllianceTracker.Tests.Features.Positions;

public sealed class AlliancePictureCacheTests : IAsyncLifetime
{
    private static readonly FixedClock Clock = FixedClock.On(2026, 11, 28);
    private readonly InProcessStanceChangeNotifier _notifier = new(NullLogger<InProcessStanceChangeNotifier>.Instance);
    private TestDatabase _database = null!;
    private AlliancePictureCache _cache = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(seeded: true, Clock);
        _cache = new AlliancePictureCache(new AlliancePictureReader(_database, Clock), _notifier);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Every_reader_of_a_date_shares_one_picture_until_the_history_changes()
    {
        var first = await _cache.GetAsync();
        var second = await _cache.GetAsync(new DateOnly(2026, 11, 28));

        Assert.Same(first, second);
    }

    [Fact]
    public async Task A_published_change_makes_the_next_read_see_it()
    {
        var before = await _cache.GetAsync();

        await TestEditors.Recorder(_database, Clock, _notifier).RecordAsync(TestEditors.Editor(), new StanceChangeInput(
            "FRA", "ukraine-fund", Stance.Supports, null, new DateOnly(2024, 5, 1), "Test.",
            [new EvidenceInput("icaro-2024-04-stoltenberg-ukraine-fund", "Test.")]));
        var after = await _cache.GetAsync();

        Assert.NotSame(before, after);
        Assert.Equal(Stance.Unknown, before.PositionOf("FRA", "ukraine-fund").Stance);
        Assert.Equal(Stance.Supports, after.PositionOf("FRA", "ukraine-fund").Stance);
        Assert.Equal([new StanceCell("FRA", "ukraine-fund")], after.ChangedSince(before));
    }

    [Fact]
    public async Task Different_dates_are_different_pictures()
    {
        var today = await _cache.GetAsync();
        var before = await _cache.GetAsync(new DateOnly(2024, 1, 1));

        Assert.Equal(Stance.Opposes, today.PositionOf("USA", "membership-invitation").Stance);
        Assert.Equal(Stance.Unknown, before.PositionOf("USA", "membership-invitation").Stance);
    }

    [Fact]
    public async Task A_crawler_walking_through_dates_does_not_push_out_a_date_people_keep_reading()
    {
        var today = await _cache.GetAsync();
        var firstWalked = await _cache.GetAsync(new DateOnly(2020, 1, 1));

        for (var day = 1; day <= 100; day++)
        {
            await _cache.GetAsync(new DateOnly(2020, 1, 1).AddDays(day));
            Assert.Same(today, await _cache.GetAsync());
        }

        Assert.True(_cache.Count <= 64, $"{_cache.Count} dates held");
        Assert.Same(today, await _cache.GetAsync());
        Assert.NotSame(firstWalked, await _cache.GetAsync(new DateOnly(2020, 1, 1)));
    }
}
