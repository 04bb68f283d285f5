using AllianceTracker.Tests.Shared;
using AllianceTracker.Tests.Support;
using AllianceTracker.Web.Domain;
using AllianceTracker.Web.Features.Accounts;
using AllianceTracker.Web.Features.History;
using AllianceTracker.Web.Features.Positions;
using AllianceTracker.Web.Features.Stances;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace AllianceTracker.Tests.Features.Stances;

public sealed class StanceRecorderTests : IAsyncLifetime
{
    private static readonly FixedClock Clock = FixedClock.On(2026, 11, 28);
    private readonly InProcessStanceChangeNotifier _notifier = new(NullLogger<InProcessStanceChangeNotifier>.Instance);
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(seeded: true, Clock);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private StanceRecorder Recorder => TestEditors.Recorder(_database, Clock, _notifier);

    private static StanceChangeInput Request(
        Stance stance = Stance.Supports, string? conditions = null, DateOnly? effectiveOn = null, string source = "icaro-2024-04-stoltenberg-ukraine-fund",
        string member = "FRA", string proposal = "ukraine-fund", Guid? expectedVersion = null, SourceInput? newSource = null) =>
        new(member, proposal, stance, conditions, effectiveOn ?? new DateOnly(2024, 5, 1), "Test rationale.",
            [new EvidenceInput(newSource is null ? source : null, "A test excerpt.", newSource)], expectedVersion);

    private static SourceInput NewSource(string title, string outlet, string? url, DateOnly? published) =>
        new(null, title, outlet, url, published, false, SourceKind.NewsReport);

    private async Task<Stance> CurrentAsync(string member, string proposal) =>
        (await new AlliancePictureReader(_database, Clock).ReadAsync()).PositionOf(member, proposal).Stance;

    [Fact]
    public async Task A_valid_change_is_appended_attributed_to_the_editor_and_announced()
    {
        using var heard = new HeardNotices(_notifier);
        var version = _notifier.Version;

        var (change, _) = await Recorder.RecordAsync(TestEditors.Editor("ed@example.org"), Request());

        await using var db = _database.CreateDbContext();
        var stored = await db.StanceChanges.Include(c => c.Evidence).SingleAsync(c => c.Id == change.Id);
        Assert.Equal(Stance.Supports, stored.Stance);
        Assert.Equal("ed@example.org", stored.RecordedBy);
        Assert.Equal(Clock.GetUtcNow().UtcDateTime, stored.RecordedAtUtc);
        Assert.Single(stored.Evidence);
        Assert.Equal([new StanceCell("FRA", "ukraine-fund")], Assert.Single(await heard.WaitForAsync(1)).Cells);
        Assert.Equal(version + 1, _notifier.Version);
    }

    [Fact]
    public async Task A_new_source_can_be_added_while_citing_it()
    {
        var (change, _) = await Recorder.RecordAsync(TestEditors.Editor(), Request(newSource: NewSource(
            "Slovakia backs the fund", "Reuters", "https://www.reuters.com/world/example", new DateOnly(2024, 6, 1))));

        await using var db = _database.CreateDbContext();
        var source = await db.Evidence.Where(e => e.StanceChangeId == change.Id).Select(e => e.Source!).SingleAsync();
        Assert.Equal("Reuters", source.Outlet);
        Assert.StartsWith("reuters-2024-06-01-", source.Key);
    }

    public static TheoryData<string, StanceChangeInput> Refused => new()
    {
        { "conditions", Request(Stance.Conditional) },
        { "effectiveOn", Request(effectiveOn: new DateOnly(2026, 11, 29)) },
        { "evidence[0].source", Request(source: "no-such-source") },
        { "evidence[0].newSource.url", Request(newSource: NewSource("T", "O", "javascript:alert(1)", null)) },
        { "evidence[0].newSource.url", Request(newSource: NewSource("T", "O", "ftp://example.org/x", null)) },
        { "member", Request(member: "XKX") },
        { "proposal", Request(proposal: "no-such-proposal") },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_change_that_breaks_a_rule_is_refused_at_its_field_and_nothing_is_written(string field, StanceChangeInput request)
    {
        var before = await _database.FingerprintAsync();
        var version = _notifier.Version;

        var error = await Assert.ThrowsAsync<EditValidationException>(() => Recorder.RecordAsync(TestEditors.Editor(), request));

        Assert.True(error.Errors.ContainsKey(field), $"expected an error on {field}, got {string.Join(", ", error.Errors.Keys)}");
        Assert.Equal(before, await _database.FingerprintAsync());
        Assert.Equal(version, _notifier.Version);
    }

    [Fact]
    public async Task Readers_and_anonymous_callers_cannot_write_whatever_the_ui_shows()
    {
        var before = await _database.FingerprintAsync();

        await Assert.ThrowsAsync<AccessDeniedException>(() => Recorder.RecordAsync(TestEditors.Reader(), Request()));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Recorder.RecordAsync(TestEditors.Anonymous, Request()));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Recorder.RetractAsync(TestEditors.Reader(), 1, "no", null));

        Assert.Equal(before, await _database.FingerprintAsync());
    }

    [Fact]
    public async Task The_second_of_two_editors_saving_the_same_cell_is_refused_and_shown_the_first_save()
    {
        var opened = await Recorder.GetCellAsync("SVK", "ukraine-fund");
        await Recorder.RecordAsync(TestEditors.Editor("first@example.org"), Request(Stance.Opposes, member: "SVK", expectedVersion: opened.Version));
        var before = await _database.FingerprintAsync();

        var conflict = await Assert.ThrowsAsync<StanceConflictException>(() =>
            Recorder.RecordAsync(TestEditors.Editor("second@example.org"), Request(Stance.Supports, member: "SVK", expectedVersion: opened.Version)));

        Assert.Equal(before, await _database.FingerprintAsync());
        Assert.Equal(Stance.Opposes, conflict.Current.Latest!.To);
        Assert.Equal(Stance.Opposes, conflict.Current.Latest.To);
        Assert.Equal("A former editor", conflict.Current.Latest.RecordedBy);
        Assert.NotEqual(opened.Version, conflict.Current.Version);

        // Re-applying on top of what the other editor saved succeeds.
        await Recorder.RecordAsync(TestEditors.Editor("second@example.org"), Request(Stance.Supports, member: "SVK", expectedVersion: conflict.Current.Version));
        Assert.Equal(Stance.Supports, await CurrentAsync("SVK", "ukraine-fund"));
    }

    [Fact]
    public async Task A_retraction_changes_the_current_picture_but_keeps_the_entry_in_the_trail()
    {
        var cell = await Recorder.GetCellAsync("FRA", "ukraine-fund");
        var (change, _) = await Recorder.RecordAsync(TestEditors.Editor(), Request(Stance.Opposes, expectedVersion: cell.Version));
        Assert.Equal(Stance.Opposes, await CurrentAsync("FRA", "ukraine-fund"));
        var afterSave = await Recorder.GetCellAsync("FRA", "ukraine-fund");

        await Recorder.RetractAsync(TestEditors.Editor("corrector@example.org"), change.Id, "Misread the source.", afterSave.Version);

        Assert.Equal(Stance.Unknown, await CurrentAsync("FRA", "ukraine-fund"));
        var trail = await TestEditors.HistoryReader(_database).ReadAsync(new HistoryFilter(Member: "FRA"));
        var retracted = Assert.Single(trail);
        Assert.Equal(change.Id, retracted.Id);
        // Not an account of this database: readers are told so, never shown the login.
        Assert.Equal("A former editor", retracted.RetractedBy);
        Assert.Equal("Misread the source.", retracted.RetractionReason);
        await using var db = _database.CreateDbContext();
        Assert.Equal(1, await db.StanceChanges.CountAsync(c => c.Id == change.Id));
    }

    [Fact]
    public async Task Retracting_a_seeded_entry_brings_back_the_earlier_picture()
    {
        await using (var db = _database.CreateDbContext())
        {
            var hungary = await db.StanceChanges.SingleAsync(c => c.MemberAlpha3 == "HUN" && c.Proposal!.Slug == "ukraine-fund");
            var cell = await Recorder.GetCellAsync("HUN", "ukraine-fund");
            await Recorder.RetractAsync(TestEditors.Editor(), hungary.Id, "Test correction.", cell.Version);
        }

        Assert.Equal(Stance.Unknown, await CurrentAsync("HUN", "ukraine-fund"));
    }
}
