using AllianceTracker.Tests.Support;
using AllianceTracker.Web.Domain;
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

    private StanceRecorder Recorder => new(_database, Clock, _notifier);

    private static StanceChangeRequest Request(
        Stance stance = Stance.Supports, string? conditions = null, DateOnly? effectiveOn = null, string source = "icaro-2024-04-stoltenberg-ukraine-fund",
        string member = "FRA", string proposal = "ukraine-fund") =>
        new(member, proposal, stance, conditions, effectiveOn ?? new DateOnly(2024, 5, 1), "Test rationale.",
            [new EvidenceInput(source, "A test excerpt.")], "test-editor");

    [Fact]
    public async Task A_valid_change_is_appended_attributed_and_announced()
    {
        var notices = new List<StanceChangeNotice>();
        using var _ = _notifier.Subscribe(n =>
        {
            notices.Add(n);
            return Task.CompletedTask;
        });
        var version = _notifier.Version;

        var id = await Recorder.RecordAsync(Request());

        await using var db = _database.CreateDbContext();
        var change = await db.StanceChanges.Include(c => c.Evidence).SingleAsync(c => c.Id == id);
        Assert.Equal(Stance.Supports, change.Stance);
        Assert.Equal("test-editor", change.RecordedBy);
        Assert.Equal(Clock.GetUtcNow().UtcDateTime, change.RecordedAtUtc);
        Assert.Single(change.Evidence);
        Assert.Equal([new StanceCell("FRA", "ukraine-fund")], Assert.Single(notices).Cells);
        Assert.Equal(version + 1, _notifier.Version);
    }

    public static TheoryData<string, StanceChangeRequest> Refused => new()
    {
        { "conditions", Request(Stance.Conditional) },
        { "effectiveOn", Request(effectiveOn: new DateOnly(2026, 11, 29)) },
        { "evidence[0].source", Request(source: "no-such-source") },
        { "member", Request(member: "XKX") },
        { "proposal", Request(proposal: "no-such-proposal") },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_change_that_breaks_a_rule_is_refused_at_its_field_and_nothing_is_written(string field, StanceChangeRequest request)
    {
        var before = await _database.FingerprintAsync();
        var version = _notifier.Version;

        var error = await Assert.ThrowsAsync<StanceValidationException>(() => Recorder.RecordAsync(request));

        Assert.True(error.Errors.ContainsKey(field), $"expected an error on {field}, got {string.Join(", ", error.Errors.Keys)}");
        Assert.Equal(before, await _database.FingerprintAsync());
        Assert.Equal(version, _notifier.Version);
    }
}
