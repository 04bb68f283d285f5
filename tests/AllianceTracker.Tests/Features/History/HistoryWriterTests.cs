using System.Text;
using System.Text.Json.Nodes;
using AllianceTracker.Tests.Shared;
using AllianceTracker.Tests.Support;
using AllianceTracker.Web.Domain;
using AllianceTracker.Web.Features.Exchange;
using AllianceTracker.Web.Features.History;
using AllianceTracker.Web.Features.Positions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace AllianceTracker.Tests.Features.History;

/// <summary>The one write path: whoever writes, the cells it touches get new versions, and one notice follows the commit.</summary>
public sealed class HistoryWriterTests : IAsyncLifetime
{
    private static readonly FixedClock Clock = FixedClock.On(2026, 11, 28);
    private readonly InProcessStanceChangeNotifier _notifier = new(NullLogger<InProcessStanceChangeNotifier>.Instance);
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(seeded: true, Clock);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private HistoryWriter Writer => TestEditors.Writer(_database, Clock, _notifier);

    private static StanceChangeInput Change(string member, string proposal = "ukraine-fund", Stance stance = Stance.Supports, Guid? expectedVersion = null) =>
        new(member, proposal, stance, null, new DateOnly(2024, 6, 1), "Writer test.",
            [new EvidenceInput("icaro-2024-04-stoltenberg-ukraine-fund", "A test excerpt.")], expectedVersion);

    private async Task<Dictionary<(string, int), Guid>> VersionsAsync()
    {
        await using var db = _database.CreateDbContext();
        return await db.CellVersions.ToDictionaryAsync(v => (v.MemberAlpha3, v.ProposalId), v => v.Version);
    }

    [Fact]
    public async Task The_seed_import_gives_every_cell_it_writes_a_version()
    {
        await using var db = _database.CreateDbContext();
        var seededCells = await db.StanceChanges.Select(c => new { c.MemberAlpha3, c.ProposalId }).Distinct().CountAsync();

        Assert.Equal(seededCells, await db.CellVersions.CountAsync());
        Assert.True(seededCells >= 10, $"the seed writes stances in {seededCells} cells");
    }

    [Fact]
    public async Task An_import_that_touches_96_cells_moves_96_versions()
    {
        var before = await VersionsAsync();
        var documents = new PictureDocuments(new AlliancePictureCache(new AlliancePictureReader(_database, Clock), _notifier), _database);
        var dataset = JsonNode.Parse((await documents.CurrentAsync(new DateOnly(2024, 7, 1))).ToCanonicalJson())!;
        foreach (var position in dataset["positions"]!.AsArray())
        {
            // A stance that differs from what is recorded in every one of the 32 × 3 cells.
            position!["stance"] = (string?)position["stance"] == "undecided" ? "supports" : "undecided";
            position["conditions"] = null;
            position["effectiveDate"] = "2024-06-30";
            position["rationale"] = "Bulk import test.";
            position["evidence"] = JsonNode.Parse("""[{"source":"icaro-2024-04-stoltenberg-ukraine-fund","excerpt":"Bulk import test."}]""");
        }

        var import = new DatasetImport(new ImportPlanner(documents), Writer, Clock, TestEditors.Authorization);
        var plan = await import.ApplyAsync(TestEditors.Admin(), Encoding.UTF8.GetBytes(dataset.ToJsonString()));

        var after = await VersionsAsync();
        Assert.Equal(96, plan.StanceChanges);
        Assert.Equal(96, after.Count);
        Assert.All(after, cell => Assert.NotEqual(before.GetValueOrDefault(cell.Key), cell.Value));
    }

    [Fact]
    public async Task A_save_on_top_of_a_version_an_import_moved_is_refused_with_what_the_import_wrote()
    {
        var recorder = TestEditors.Recorder(_database, Clock, _notifier);
        var opened = await recorder.GetCellAsync("SVK", "ukraine-fund");
        await Writer.AppendAsync(new HistoryAppend("import:test-admin", [Change("SVK", stance: Stance.Opposes)]) { ChecksVersions = false });
        var before = await _database.FingerprintAsync();

        var conflict = await Assert.ThrowsAsync<StanceConflictException>(() =>
            recorder.RecordAsync(TestEditors.Editor(), Change("SVK", expectedVersion: opened.Version)));

        Assert.Equal(before, await _database.FingerprintAsync());
        Assert.Equal(("SVK", "ukraine-fund"), (conflict.MemberAlpha3, conflict.ProposalSlug));
        Assert.Equal(Stance.Opposes, conflict.Current.Latest!.To);
        Assert.Equal("Dataset import by A former editor", conflict.Current.Latest.RecordedBy);
    }

    [Fact]
    public async Task An_append_of_several_changes_is_announced_once_after_it_is_committed()
    {
        var entriesWhenHeard = new List<int>();
        using var heard = new HeardNotices(_notifier, async _ =>
        {
            await using var db = _database.CreateDbContext();
            entriesWhenHeard.Add(await db.StanceChanges.CountAsync(c => c.Rationale == "Writer test."));
        });
        var version = _notifier.Version;

        await Writer.AppendAsync(new HistoryAppend("editor", [Change("FRA"), Change("DEU", "ramstein-coordination"), Change("FRA", stance: Stance.Opposes)]) { ChecksVersions = false });

        var notice = Assert.Single(await heard.WaitForAsync(1));
        Assert.Equal(version + 1, _notifier.Version);
        Assert.Equal(3, Assert.Single(entriesWhenHeard));
        Assert.Equal([new StanceCell("FRA", "ukraine-fund"), new StanceCell("DEU", "ramstein-coordination")], notice.Cells);
    }

    [Fact]
    public async Task One_broken_change_refuses_the_whole_append_names_it_and_announces_nothing()
    {
        var before = await _database.FingerprintAsync();
        var version = _notifier.Version;

        var refused = await Assert.ThrowsAsync<HistoryAppendRefusedException>(() =>
            Writer.AppendAsync(new HistoryAppend("editor", [Change("FRA"), Change("XKX"), Change("DEU", stance: Stance.Conditional)]) { ChecksVersions = false }));

        Assert.Equal(before, await _database.FingerprintAsync());
        Assert.Equal(version, _notifier.Version);
        Assert.Equal(
            [(AppendPart.Changes, 1, "member"), (AppendPart.Changes, 2, "conditions")],
            refused.Problems.Select(p => (p.Part, p.Index, p.Field)).ToList());
    }

    [Fact]
    public async Task A_check_judges_like_the_write_and_writes_nothing()
    {
        var before = await _database.FingerprintAsync();
        var append = new HistoryAppend("import:test", [Change("FRA", "new-pledge")])
        {
            Proposals = [new ProposalInput("new-pledge", "washington-2024", "A new pledge", "Described.", "Someone", new DateOnly(2024, 6, 1))],
            ChecksVersions = false,
        };

        var check = await Writer.CheckAsync(append);

        Assert.Empty(check.Problems);
        Assert.Equal(1, check.ProposalsToAdd);
        Assert.Equal(before, await _database.FingerprintAsync());
        var added = await Writer.AppendAsync(append);
        Assert.Equal(1, added.ProposalsAdded);
        Assert.Equal(Stance.Supports, (await new AlliancePictureReader(_database, Clock).ReadAsync()).PositionOf("FRA", "new-pledge").Stance);
    }

    [Fact]
    public async Task A_retraction_on_top_of_a_version_the_editor_never_saw_is_refused()
    {
        var first = await Writer.AppendAsync(new HistoryAppend("editor", [Change("FRA")]));
        var stale = first.Recorded[0].CellVersion;
        await Writer.AppendAsync(new HistoryAppend("other-editor", [Change("FRA", stance: Stance.Opposes, expectedVersion: stale)]));

        var conflict = await Assert.ThrowsAsync<StanceConflictException>(() =>
            Writer.RetractAsync("editor", first.Recorded[0].Change.Id, "Misread.", stale));

        Assert.Equal(Stance.Opposes, conflict.Current.Latest!.To);
    }
}
