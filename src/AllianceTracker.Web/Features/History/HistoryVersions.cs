using AllianceTracker.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AllianceTracker.Web.Features.History;

/// <summary>The versions of proposals and sources as saved now: what an edit page writes on, and what a refused write is told (ADR 0019).</summary>
public sealed class HistoryVersions(IDbContextFactory<AllianceDbContext> dbFactory)
{
    public async Task<Guid> OfProposalAsync(string slug, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Proposals.Where(p => p.Slug == slug).Select(p => p.Version).SingleAsync(cancellationToken);
    }

    public async Task<Guid> OfSourceAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Sources.Where(s => s.Key == key).Select(s => s.Version).SingleAsync(cancellationToken);
    }
}
