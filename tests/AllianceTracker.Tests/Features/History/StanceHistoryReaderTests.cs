using AllianceTracker.Tests.Shared;
using AllianceTracker.Tests.Support;
using AllianceTracker.Web.Domain;
using AllianceTracker.Web.Features.History;
using Microsoft.Extensions.Logging.Abstractions;

namespace AllianceTracker.Tests.Features.History;

public sealed class StanceHistoryReaderTests : IAsyncLifetime
{
    private readonly InProcessStanceChangeNotifier _notifier = new(NullLogger<InProcessStanceChangeNotifier>.Instance);
    private readonly SteppingClock _clock = new(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(seeded: true, _clock);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private StanceHistoryReader Reader => TestEditors.HistoryReader(_database);

    private async Task<RecordedStance> RecordAsync(Stance stance, DateOnly effectiveOn, Guid? version)
    {
        _clock.Step();
        var summary = await TestEditors.Writer(_database, _clock, _notifier).AppendAsync(new HistoryAppend("reader-test", [new StanceChangeInput(
            "HUN", "ukraine-fund", stance, stance == Stance.Conditional ? "If the EU pays." : null, effectiveOn, "Reader test.",
            [new EvidenceInput("icaro-2024-04-stoltenberg-ukraine-fund", "A reader test excerpt.")], version)]));
        return summary.Recorded[0];
    }

    [Fact]
    public async Task The_recent_events_read_in_the_database_say_what_the_whole_history_says()
    {
        var cell = await Reader.ReadCellAsync("HUN", "ukraine-fund");
        var undecided = await RecordAsync(Stance.Undecided, new DateOnly(2024, 5, 1), cell.Version);
        var backfilled = await RecordAsync(Stance.Conditional, new DateOnly(2024, 4, 20), undecided.CellVersion);
        var supports = await RecordAsync(Stance.Supports, new DateOnly(2024, 6, 1), backfilled.CellVersion);
        _clock.Step();
        await TestEditors.Writer(_database, _clock, _notifier).RetractAsync("reader-test", undecided.Change.Id, "Misread.", supports.CellVersion);

        var whole = await Reader.ReadAsync(new HistoryFilter(Member: "HUN", Proposal: "ukraine-fund"));
        var recent = await Reader.ReadRecentAsync(new HistoryFilter(Member: "HUN", Proposal: "ukraine-fund"), 100);

        Assert.Equal(whole, recent, new EntryComparer());
        // opposes (seed) → conditional (backfilled) → undecided (retracted) → supports moves from conditional.
        Assert.Equal([Stance.Unknown, Stance.Opposes, Stance.Conditional, Stance.Conditional], recent.Select(e => e.From));
    }

    [Fact]
    public async Task Only_the_latest_events_are_read_newest_changes_and_retractions_alike()
    {
        var cell = await Reader.ReadCellAsync("HUN", "ukraine-fund");
        var first = await RecordAsync(Stance.Undecided, new DateOnly(2024, 5, 1), cell.Version);
        var second = await RecordAsync(Stance.Supports, new DateOnly(2024, 5, 2), first.CellVersion);
        _clock.Step();
        await TestEditors.Writer(_database, _clock, _notifier).RetractAsync("reader-test", first.Change.Id, "Misread.", second.CellVersion);

        var recent = await Reader.ReadRecentAsync(new HistoryFilter(), 2);

        // The two latest events are the retraction of the first entry and the second entry.
        Assert.Equal([first.Change.Id, second.Change.Id], recent.Select(e => e.Id));
    }

    private sealed class SteppingClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;

        public void Step() => _now = _now.AddMinutes(1);

        public override DateTimeOffset GetUtcNow() => _now;
    }

    private sealed class EntryComparer : IEqualityComparer<StanceHistoryEntry>
    {
        public bool Equals(StanceHistoryEntry? x, StanceHistoryEntry? y) =>
            x is not null && y is not null && x.Id == y.Id && x.From == y.From && x.To == y.To && x.RetractedAtUtc == y.RetractedAtUtc;

        public int GetHashCode(StanceHistoryEntry obj) => obj.Id.GetHashCode();
    }
}
