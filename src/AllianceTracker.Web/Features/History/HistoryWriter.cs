using AllianceTracker.Web.Data;
using AllianceTracker.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace AllianceTracker.Web.Features.History;

/// <summary>
/// The one write path into the stance history, whoever writes: an editor's save or retraction,
/// the seed import, a dataset import. It checks the append with the domain's rules, writes the
/// entries, what they need and a new version of every cell they touch in one transaction, and
/// announces the change once, after the commit. Authorization is the caller's: this service
/// trusts the author it is given.
/// </summary>
public sealed partial class HistoryWriter(
    IDbContextFactory<AllianceDbContext> dbFactory,
    TimeProvider clock,
    IStanceChangeNotifier notifier,
    StanceHistoryReader history)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>Judges the append as <see cref="AppendAsync"/> would, and writes nothing.</summary>
    public async Task<AppendCheck> CheckAsync(HistoryAppend append, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return (await AppendResolution.ResolveAsync(db, append, Today, cancellationToken)).Check;
    }

    /// <exception cref="HistoryAppendRefusedException">A rule is broken; nothing was written.</exception>
    /// <exception cref="StanceConflictException">A cell moved on since the editor saw it; nothing was written.</exception>
    public async Task<AppendSummary> AppendAsync(HistoryAppend append, CancellationToken cancellationToken = default)
    {
        AppendSummary summary;
        StanceCell? conflict;
        StanceChangeNotice notice;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var resolution = await AppendResolution.ResolveAsync(db, append, Today, cancellationToken);
            if (resolution.Problems.Count > 0)
            {
                throw new HistoryAppendRefusedException(resolution.Problems);
            }

            // Saved first so that new proposals have ids for their cells' versions.
            var recordedAt = clock.GetUtcNow().UtcDateTime;
            resolution.AddReferenceData(db, append.Author, recordedAt);
            await db.SaveChangesAsync(cancellationToken);

            var cells = append.Changes
                .Select(c => new CellKey(c.MemberAlpha3, resolution.ProposalOf(c).Id, c.ProposalSlug, c.ExpectedVersion))
                .ToList();
            var entries = append.Changes.Select(c => resolution.ToEntry(c, append.Author, append.Origin, recordedAt)).ToList();
            db.StanceChanges.AddRange(entries);
            var (versions, moved) = await MoveVersionsAsync(db, cells, append.ChecksVersions, cancellationToken);
            var check = resolution.Check;
            notice = Notice(check.MembersToAdd + check.SummitsToAdd + check.ProposalsToAdd > 0 ? [] : append.Changes.Select(c => new StanceCell(c.MemberAlpha3, c.ProposalSlug)), append.Author);
            if (moved && append.Changes.Count + check.MembersToAdd + check.SummitsToAdd + check.ProposalsToAdd + check.SourcesToAdd > 0)
            {
                await notifier.EnlistAsync(db, notice, cancellationToken);
            }

            conflict = moved ? await SaveAsync(db, transaction, cells.FirstOrDefault()?.Cell, cancellationToken) : versions.Conflict;

            summary = new AppendSummary(
                check.MembersToAdd, check.SummitsToAdd, check.ProposalsToAdd, check.SourcesToAdd,
                conflict is null ? entries.Select((e, i) => new RecordedStance(e, versions.New[cells[i].Cell])).ToList() : []);
        }

        if (conflict is { } cell)
        {
            throw await ConflictAsync(cell, cancellationToken);
        }

        if (!summary.ChangedNothing)
        {
            // New members or proposals change the shape of every picture, not just some cells.
            await notifier.PublishAsync(notice);
        }

        return summary;
    }

    /// <summary>
    /// Marks an earlier entry as retracted: pictures skip it from now on, the audit trail keeps it.
    /// Like a save, it is refused on top of a cell version the editor never saw.
    /// </summary>
    public async Task<StanceRetraction> RetractAsync(string author, long stanceChangeId, string reason, Guid? expectedVersion, CancellationToken cancellationToken = default)
    {
        StanceRetraction retraction;
        StanceCell? conflict;
        StanceCell target;
        StanceChangeNotice notice;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var entry = await db.StanceChanges.AsNoTracking()
                .Where(c => c.Id == stanceChangeId)
                .Select(c => new { c.MemberAlpha3, c.ProposalId, c.Proposal!.Slug, Retracted = db.Retractions.Any(r => r.StanceChangeId == c.Id) })
                .SingleOrDefaultAsync(cancellationToken);
            var problems = new FieldProblems();
            problems.Add("reason", StanceRules.CheckRetractionReason(reason));
            problems.Add("stanceChange", entry is null ? $"There is no stance change {stanceChangeId}."
                : entry.Retracted ? "That entry is already retracted." : null);
            problems.ThrowIfAny();

            target = new StanceCell(entry!.MemberAlpha3, entry.Slug);
            retraction = new StanceRetraction
            {
                StanceChangeId = stanceChangeId,
                Reason = reason.Trim(),
                RecordedAtUtc = clock.GetUtcNow().UtcDateTime,
                RecordedBy = author,
            };
            db.Retractions.Add(retraction);
            var cells = new[] { new CellKey(entry.MemberAlpha3, entry.ProposalId, entry.Slug, expectedVersion) };
            var (versions, moved) = await MoveVersionsAsync(db, cells, checksVersions: true, cancellationToken);
            notice = Notice([target], author);
            if (moved)
            {
                await notifier.EnlistAsync(db, notice, cancellationToken);
            }

            conflict = moved ? await SaveAsync(db, transaction, cells[0].Cell, cancellationToken) : versions.Conflict;
        }

        if (conflict is { } cell)
        {
            throw await ConflictAsync(cell, cancellationToken);
        }

        await notifier.PublishAsync(notice);
        return retraction;
    }

    /// <summary>
    /// Gives every touched cell a new version (one per cell, however many entries it gets). With
    /// <paramref name="checksVersions"/>, a cell whose version is not the one the writer saw is a
    /// conflict and nothing moves.
    /// </summary>
    private static async Task<(CellVersions Versions, bool Moved)> MoveVersionsAsync(
        AllianceDbContext db, IReadOnlyList<CellKey> cells, bool checksVersions, CancellationToken cancellationToken)
    {
        var members = cells.Select(c => c.MemberAlpha3).Distinct().ToList();
        var proposals = cells.Select(c => c.ProposalId).Distinct().ToList();
        var rows = (await db.CellVersions
                .Where(v => members.Contains(v.MemberAlpha3) && proposals.Contains(v.ProposalId))
                .ToListAsync(cancellationToken))
            .ToDictionary(v => (v.MemberAlpha3, v.ProposalId));

        if (checksVersions && cells.FirstOrDefault(c => rows.GetValueOrDefault((c.MemberAlpha3, c.ProposalId))?.Version != c.ExpectedVersion) is { } stale)
        {
            return (new CellVersions(new Dictionary<StanceCell, Guid>(), stale.Cell), false);
        }

        var moved = new Dictionary<StanceCell, Guid>();
        foreach (var cell in cells.DistinctBy(c => c.Cell))
        {
            var version = Guid.NewGuid();
            moved[cell.Cell] = version;
            if (rows.TryGetValue((cell.MemberAlpha3, cell.ProposalId), out var row))
            {
                row.Version = version;
            }
            else
            {
                db.CellVersions.Add(new StanceCellVersion { MemberAlpha3 = cell.MemberAlpha3, ProposalId = cell.ProposalId, Version = version });
            }
        }

        return (new CellVersions(moved, null), true);
    }

    /// <summary>Saves and commits; returns the cell that lost a race instead, with nothing written.</summary>
    private static async Task<StanceCell?> SaveAsync(AllianceDbContext db, IDbContextTransaction transaction, StanceCell? firstCell, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (firstCell is not null && !Data.DatabaseFaults.IsUnavailable(ex))
        {
            // Another save moved a version between our check and our write (the concurrency token
            // matched no row), or created a cell's first version at the same time (its key exists).
            // A database that cannot take the write (busy, read-only, full) is not a lost race: it
            // goes on to the caller as the fault it is (503), not as "someone else changed it".
            return firstCell;
        }

        await transaction.CommitAsync(cancellationToken);
        return null;
    }

    private async Task<StanceConflictException> ConflictAsync(StanceCell cell, CancellationToken cancellationToken) =>
        new(cell.MemberAlpha3, cell.ProposalSlug, await history.ReadCellAsync(cell.MemberAlpha3, cell.ProposalSlug, cancellationToken));

    /// <summary>
    /// Checks the version a write was read at (none given: no check) and moves it on. The version
    /// is a concurrency token, so a write racing this one fails at its save and is answered the same.
    /// </summary>
    private static Guid NextVersion(string kind, string key, Guid current, Guid? expected) =>
        expected is { } read && read != current ? throw new VersionConflictException(kind, key, current) : Guid.NewGuid();

    /// <summary>Saves, answering a racing write's moved version as the conflict it is.</summary>
    private static async Task SaveVersionedAsync(AllianceDbContext db, string kind, string key, Func<Task<Guid>> currentVersion, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new VersionConflictException(kind, key, await currentVersion());
        }
    }

    // After the commit, never before: nothing is announced that was not saved.
    private static StanceChangeNotice Notice(IEnumerable<StanceCell> cells, string author) => new(cells.Distinct().ToList(), Origin: author);

    /// <summary>Announces a change written outside <see cref="AnnounceInAsync"/>'s reach (no transaction of the writer's own).</summary>
    private Task AnnounceAsync(IEnumerable<StanceCell> cells, string author) => notifier.PublishAsync(Notice(cells, author));

    /// <summary>Enlists the notice in the open transaction (the caller commits next), and returns it to publish after the commit.</summary>
    private async Task<StanceChangeNotice> AnnounceInAsync(AllianceDbContext db, IEnumerable<StanceCell> cells, string author, CancellationToken cancellationToken)
    {
        var notice = Notice(cells, author);
        await notifier.EnlistAsync(db, notice, cancellationToken);
        return notice;
    }

    private sealed record CellKey(string MemberAlpha3, int ProposalId, string ProposalSlug, Guid? ExpectedVersion)
    {
        public StanceCell Cell => new(MemberAlpha3, ProposalSlug);
    }

    private sealed record CellVersions(IReadOnlyDictionary<StanceCell, Guid> New, StanceCell? Conflict);
}
