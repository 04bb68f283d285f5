using AllianceTracker.Web.Data;
using AllianceTracker.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace AllianceTracker.Web.Features.History;

/// <summary>Reads the stance history back: timelines, the audit trail, the feed, and one cell for an editor.</summary>
/// <remarks>Authors come back as their public names (<see cref="AuthorDirectory"/>), never as logins.</remarks>
public sealed class StanceHistoryReader(IDbContextFactory<AllianceDbContext> dbFactory, AuthorDirectory authors)
{
    /// <summary>The cell's version and its latest entry that is not retracted (null when it has none).</summary>
    public async Task<CellState> ReadCellAsync(string memberAlpha3, string proposalSlug, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var version = await db.CellVersions.AsNoTracking()
            .Where(c => c.MemberAlpha3 == memberAlpha3 && db.Proposals.Any(p => p.Id == c.ProposalId && p.Slug == proposalSlug))
            .Select(c => (Guid?)c.Version)
            .SingleOrDefaultAsync(cancellationToken);
        var latest = (await ReadAsync(new HistoryFilter(Member: memberAlpha3, Proposal: proposalSlug), cancellationToken))
            .LastOrDefault(e => e.RetractedBy is null);
        return new CellState(version, latest);
    }

    /// <summary>
    /// Several cells as <see cref="ReadCellAsync"/> reads one, in two queries whatever their number
    /// (the news assist's suggestions each stand beside their cell).
    /// </summary>
    public async Task<IReadOnlyDictionary<StanceCell, CellState>> ReadCellsAsync(IReadOnlyCollection<StanceCell> cells, CancellationToken cancellationToken = default)
    {
        if (cells.Count == 0)
        {
            return new Dictionary<StanceCell, CellState>();
        }

        var members = cells.Select(c => c.MemberAlpha3).Distinct().ToList();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var versions = (await db.CellVersions.AsNoTracking()
                .Where(c => members.Contains(c.MemberAlpha3))
                .Join(db.Proposals, c => c.ProposalId, p => p.Id, (c, p) => new { c.MemberAlpha3, p.Slug, c.Version })
                .ToListAsync(cancellationToken))
            .ToDictionary(v => new StanceCell(v.MemberAlpha3, v.Slug), v => (Guid?)v.Version);
        var latest = (await ReadAsync(new HistoryFilter { Members = members }, cancellationToken))
            .Where(e => e.RetractedBy is null)
            .GroupBy(e => new StanceCell(e.MemberAlpha3, e.ProposalSlug))
            .ToDictionary(g => g.Key, g => g.Last());
        return cells.Distinct().ToDictionary(c => c, c => new CellState(versions.GetValueOrDefault(c), latest.GetValueOrDefault(c)));
    }

    /// <summary>One entry by its id, with what it moved from and its retraction if any; null when there is none.</summary>
    public async Task<StanceHistoryEntry?> ReadEntryAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var cell = await db.StanceChanges.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new { c.MemberAlpha3, c.Proposal!.Slug }).SingleOrDefaultAsync(cancellationToken);
        return cell is null ? null
            : (await ReadAsync(new HistoryFilter(Member: cell.MemberAlpha3, Proposal: cell.Slug), cancellationToken)).Single(e => e.Id == id);
    }

    /// <summary>Every entry for the member, oldest first by effective date (then by recording).</summary>
    public async Task<IReadOnlyList<StanceHistoryEntry>> ForMemberAsync(string memberAlpha3, CancellationToken cancellationToken = default) =>
        await ReadAsync(new HistoryFilter(Member: memberAlpha3), cancellationToken);

    /// <summary>
    /// Entries matching the filter, oldest first. From → to is worked out over each cell's whole
    /// history, so filtering by editor or date does not change what an entry moved from.
    /// </summary>
    public async Task<IReadOnlyList<StanceHistoryEntry>> ReadAsync(HistoryFilter filter, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var changes = await db.StanceChanges.AsNoTracking()
            .Where(c => filter.Member == null || c.MemberAlpha3 == filter.Member)
            .Where(c => filter.Members == null || filter.Members.Contains(c.MemberAlpha3))
            .Where(c => filter.Proposal == null || c.Proposal!.Slug == filter.Proposal)
            .Include(c => c.Proposal)
            .Include(c => c.Member)
            .Include(c => c.Evidence).ThenInclude(e => e.Source)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var ids = changes.Select(c => c.Id).ToList();
        var retractions = await db.Retractions.AsNoTracking()
            .Where(r => ids.Contains(r.StanceChangeId))
            .ToDictionaryAsync(r => r.StanceChangeId, cancellationToken);

        var publicName = await authors.GetAsync(cancellationToken);
        var entries = new List<StanceHistoryEntry>(changes.Count);
        foreach (var cell in changes.GroupBy(c => (c.MemberAlpha3, c.ProposalId)))
        {
            var previous = Stance.Unknown;
            foreach (var change in cell.OrderBy(c => c.EffectiveOn).ThenBy(c => c.RecordedAtUtc).ThenBy(c => c.Id))
            {
                var retraction = retractions.GetValueOrDefault(change.Id);
                entries.Add(ToEntry(change, previous, retraction, publicName));
                if (retraction is null)
                {
                    previous = change.Stance;
                }
            }
        }

        return entries
            .Where(e => filter.RecordedBy == null || e.RecordedBy == filter.RecordedBy || e.RetractedBy == filter.RecordedBy)
            .Where(e => filter.From == null || DateOnly.FromDateTime(e.RecordedAtUtc) >= filter.From || (e.RetractedAtUtc is { } r && DateOnly.FromDateTime(r) >= filter.From))
            .Where(e => filter.To == null || DateOnly.FromDateTime(e.RecordedAtUtc) <= filter.To)
            .OrderBy(e => e.EffectiveOn).ThenBy(e => e.RecordedAtUtc).ThenBy(e => e.Id)
            .ToList();
    }

    /// <summary>
    /// The latest <paramref name="count"/> events matching the member and proposal of the filter —
    /// changes at their recording time, retractions at theirs — selected in the database, with the
    /// entries they concern (what each moved from included). For the change feed: its cost does not
    /// grow with the history.
    /// </summary>
    public async Task<IReadOnlyList<StanceHistoryEntry>> ReadRecentAsync(HistoryFilter filter, int count, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var matching = db.StanceChanges
            .Where(c => filter.Member == null || c.MemberAlpha3 == filter.Member)
            .Where(c => filter.Proposal == null || c.Proposal!.Slug == filter.Proposal);
        var recentlyRecorded = await matching
            .OrderByDescending(c => c.RecordedAtUtc).ThenByDescending(c => c.Id)
            .Select(c => c.Id).Take(count)
            .ToListAsync(cancellationToken);
        var recentlyRetracted = await db.Retractions
            .Where(r => matching.Any(c => c.Id == r.StanceChangeId))
            .OrderByDescending(r => r.RecordedAtUtc).ThenByDescending(r => r.Id)
            .Select(r => r.StanceChangeId).Take(count)
            .ToListAsync(cancellationToken);
        var ids = recentlyRecorded.Union(recentlyRetracted).ToList();

        var changes = await db.StanceChanges.AsNoTracking()
            .Where(c => ids.Contains(c.Id))
            .Include(c => c.Proposal)
            .Include(c => c.Member)
            .Include(c => c.Evidence).ThenInclude(e => e.Source)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var retractions = await db.Retractions.AsNoTracking()
            .Where(r => ids.Contains(r.StanceChangeId))
            .ToDictionaryAsync(r => r.StanceChangeId, cancellationToken);
        // What each entry moved from: the cell's latest entry before it that is not retracted, one index seek each.
        var previousIds = await db.StanceChanges
            .Where(c => ids.Contains(c.Id))
            .Select(c => new
            {
                c.Id,
                PreviousId = db.StanceChanges
                    .Where(o => o.ProposalId == c.ProposalId && o.MemberAlpha3 == c.MemberAlpha3)
                    .Where(o => o.EffectiveOn < c.EffectiveOn
                        || (o.EffectiveOn == c.EffectiveOn && (o.RecordedAtUtc < c.RecordedAtUtc || (o.RecordedAtUtc == c.RecordedAtUtc && o.Id < c.Id))))
                    .Where(o => !db.Retractions.Any(r => r.StanceChangeId == o.Id))
                    .OrderByDescending(o => o.EffectiveOn).ThenByDescending(o => o.RecordedAtUtc).ThenByDescending(o => o.Id)
                    .Select(o => (long?)o.Id)
                    .FirstOrDefault(),
            })
            .ToDictionaryAsync(p => p.Id, p => p.PreviousId, cancellationToken);
        var previousOnes = previousIds.Values.OfType<long>().Distinct().ToList();
        var previousStances = await db.StanceChanges.AsNoTracking()
            .Where(c => previousOnes.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => c.Stance, cancellationToken);

        var publicName = await authors.GetAsync(cancellationToken);
        return changes
            .Select(c => ToEntry(c, previousIds[c.Id] is { } previous ? previousStances[previous] : Stance.Unknown, retractions.GetValueOrDefault(c.Id), publicName))
            .OrderBy(e => e.EffectiveOn).ThenBy(e => e.RecordedAtUtc).ThenBy(e => e.Id)
            .ToList();
    }

    private static StanceHistoryEntry ToEntry(StanceChange change, Stance from, StanceRetraction? retraction, Func<string, string> publicName) => new(
        change.Id,
        change.MemberAlpha3,
        change.Member!.Name,
        change.Proposal!.Slug,
        change.Proposal.Title,
        from,
        change.Stance,
        change.Conditions,
        change.EffectiveOn,
        change.Rationale,
        change.RecordedAtUtc,
        publicName(change.RecordedBy),
        change.Evidence.OrderBy(e => e.Id).Select(e => new EvidenceView(SourceSummary.From(e.Source!), e.Excerpt)).ToList(),
        retraction is null ? null : publicName(retraction.RecordedBy),
        retraction?.RecordedAtUtc,
        retraction?.Reason,
        change.EffectiveOnIsApproximate,
        change.Origin,
        change.AddsEvidenceTo,
        change.InterpretationNote);
}
