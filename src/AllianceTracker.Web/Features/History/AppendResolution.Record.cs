using AllianceTracker.Web.Data;
using AllianceTracker.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace AllianceTracker.Web.Features.History;

// What an append is compared with: each named cell's entry on record and its version.
internal sealed partial class AppendResolution
{
    private static async Task<Dictionary<(string Member, string Proposal), StanceChange>> CurrentEntriesAsync(
        AllianceDbContext db, IReadOnlyList<StanceChangeInput> changes, CancellationToken cancellationToken)
    {
        var members = changes.Select(c => c.MemberAlpha3).Distinct().ToList();
        var proposals = changes.Select(c => c.ProposalSlug).Distinct().ToList();
        var entries = await db.StanceChanges.AsNoTracking()
            .Where(c => members.Contains(c.MemberAlpha3) && proposals.Contains(c.Proposal!.Slug) && !db.Retractions.Any(r => r.StanceChangeId == c.Id))
            .Include(c => c.Proposal)
            .Include(c => c.Evidence)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        return entries
            .GroupBy(c => (c.MemberAlpha3, c.Proposal!.Slug))
            .ToDictionary(g => g.Key, g => g.OrderBy(c => c.EffectiveOn).ThenBy(c => c.RecordedAtUtc).ThenBy(c => c.Id).Last());
    }

    private static async Task<Dictionary<(string Member, string Proposal), Guid>> CurrentVersionsAsync(
        AllianceDbContext db, IReadOnlyList<StanceChangeInput> changes, CancellationToken cancellationToken)
    {
        var members = changes.Select(c => c.MemberAlpha3).Distinct().ToList();
        var proposals = changes.Select(c => c.ProposalSlug).Distinct().ToList();
        var rows = await (
                from v in db.CellVersions.AsNoTracking()
                join p in db.Proposals on v.ProposalId equals p.Id
                where members.Contains(v.MemberAlpha3) && proposals.Contains(p.Slug)
                select new { v.MemberAlpha3, p.Slug, v.Version })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(v => (v.MemberAlpha3, v.Slug), v => v.Version);
    }
}
