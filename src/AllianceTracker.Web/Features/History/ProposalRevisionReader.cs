using AllianceTracker.Web.Data;
using AllianceTracker.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace AllianceTracker.Web.Features.History;

/// <summary>Reads the proposals' text revisions back, authors by public name.</summary>
public sealed class ProposalRevisionReader(IDbContextFactory<AllianceDbContext> dbFactory, AuthorDirectory authors)
{
    /// <summary>Revisions of one proposal (or all, when null), oldest recorded first.</summary>
    public async Task<IReadOnlyList<ProposalRevisionEntry>> ReadAsync(string? proposalSlug = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await ReadWhereAsync(db, db.ProposalRevisions.Where(r => proposalSlug == null || r.Proposal!.Slug == proposalSlug), cancellationToken);
    }

    /// <summary>The latest <paramref name="count"/> revisions, for the feed.</summary>
    public async Task<IReadOnlyList<ProposalRevisionEntry>> ReadRecentAsync(string? proposalSlug, int count, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var ids = await db.ProposalRevisions.Where(r => proposalSlug == null || r.Proposal!.Slug == proposalSlug)
            .OrderByDescending(r => r.RecordedAtUtc).ThenByDescending(r => r.Id).Select(r => r.Id).Take(count).ToListAsync(cancellationToken);
        return await ReadWhereAsync(db, db.ProposalRevisions.Where(r => ids.Contains(r.Id)), cancellationToken);
    }

    private async Task<IReadOnlyList<ProposalRevisionEntry>> ReadWhereAsync(AllianceDbContext db, IQueryable<ProposalRevision> query, CancellationToken cancellationToken)
    {
        var revisions = await query.AsNoTracking()
            .Select(r => new
            {
                Revision = r,
                r.Proposal!.Slug,
                IsFirst = !db.ProposalRevisions.Any(o => o.ProposalId == r.ProposalId && o.Id < r.Id),
            })
            .ToListAsync(cancellationToken);
        var publicName = await authors.GetAsync(cancellationToken);
        return revisions
            .OrderBy(r => r.Revision.RecordedAtUtc).ThenBy(r => r.Revision.Id)
            .Select(r => new ProposalRevisionEntry(
                r.Revision.Id, r.Slug, r.Revision.Title, r.Revision.Description, r.Revision.Proposer, r.Revision.InForceFrom, r.Revision.Note,
                r.Revision.RecordedAtUtc, publicName(r.Revision.RecordedBy), r.IsFirst))
            .ToList();
    }
}
