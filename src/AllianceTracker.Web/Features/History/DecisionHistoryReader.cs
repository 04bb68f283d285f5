using AllianceTracker.Web.Data;
using AllianceTracker.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace AllianceTracker.Web.Features.History;

/// <summary>Reads the decisions on proposals back, every entry with its retraction if it has one.</summary>
public sealed class DecisionHistoryReader(IDbContextFactory<AllianceDbContext> dbFactory, AuthorDirectory authors)
{
    /// <summary>Entries for one proposal (or all, when null), oldest decision first.</summary>
    public async Task<IReadOnlyList<DecisionHistoryEntry>> ReadAsync(string? proposalSlug = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await ReadWhereAsync(db, db.ProposalOutcomes.Where(o => proposalSlug == null || o.Proposal!.Slug == proposalSlug), cancellationToken);
    }

    /// <summary>The latest <paramref name="count"/> decisions and decision retractions (by when they were recorded), for the feed.</summary>
    public async Task<IReadOnlyList<DecisionHistoryEntry>> ReadRecentAsync(string? proposalSlug, int count, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var matching = db.ProposalOutcomes.Where(o => proposalSlug == null || o.Proposal!.Slug == proposalSlug);
        var recorded = await matching.OrderByDescending(o => o.RecordedAtUtc).Select(o => o.Id).Take(count).ToListAsync(cancellationToken);
        var retracted = await db.DecisionRetractions.Where(r => matching.Any(o => o.Id == r.DecisionId))
            .OrderByDescending(r => r.RecordedAtUtc).Select(r => r.DecisionId).Take(count).ToListAsync(cancellationToken);
        var ids = recorded.Union(retracted).ToList();
        return await ReadWhereAsync(db, db.ProposalOutcomes.Where(o => ids.Contains(o.Id)), cancellationToken);
    }

    private async Task<IReadOnlyList<DecisionHistoryEntry>> ReadWhereAsync(AllianceDbContext db, IQueryable<SummitDecision> query, CancellationToken cancellationToken)
    {
        var entries = await query.AsNoTracking()
            .Include(o => o.Proposal)
            .Include(o => o.Evidence).ThenInclude(e => e.Source)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var ids = entries.Select(e => e.Id).ToList();
        var retractions = await db.DecisionRetractions.AsNoTracking().Where(r => ids.Contains(r.DecisionId)).ToDictionaryAsync(r => r.DecisionId, cancellationToken);
        var replacingIds = entries.Select(e => e.ReplacedByProposalId).OfType<int>().Distinct().ToList();
        var publicName = await authors.GetAsync(cancellationToken);
        var replacing = await db.Proposals.AsNoTracking().Where(p => replacingIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => (p.Slug, p.Title), cancellationToken);

        return entries
            .OrderBy(e => e.DecidedOn).ThenBy(e => e.RecordedAtUtc).ThenBy(e => e.Id)
            .Select(e =>
            {
                var retraction = retractions.GetValueOrDefault(e.Id);
                (string Slug, string Title)? replacedBy = e.ReplacedByProposalId is { } id && replacing.TryGetValue(id, out var r) ? r : null;
                return new DecisionHistoryEntry(
                    e.Id, e.Proposal!.Slug, e.Proposal.Title, e.Outcome, e.DecidedOn, e.Note,
                    e.Evidence.OrderBy(x => x.Id).Select(x => new EvidenceView(SourceSummary.From(x.Source!), x.Excerpt)).ToList(),
                    replacedBy?.Slug, replacedBy?.Title, e.RecordedAtUtc, publicName(e.RecordedBy),
                    retraction is null ? null : publicName(retraction.RecordedBy), retraction?.RecordedAtUtc, retraction?.Reason);
            })
            .ToList();
    }
}
