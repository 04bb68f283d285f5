using AllianceTracker.Web.Data;
using AllianceTracker.Web.Features.History;
using Microsoft.EntityFrameworkCore;

namespace AllianceTracker.Web.Features.Stances;

/// <summary>The sources an editor can cite, newest first.</summary>
public sealed class SourceCatalog(IDbContextFactory<AllianceDbContext> dbFactory)
{
    public async Task<IReadOnlyList<SourceSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var sources = await db.Sources.AsNoTracking().ToListAsync(cancellationToken);
        return sources.OrderByDescending(s => s.PublishedOn).ThenBy(s => s.Title).Select(SourceSummary.From).ToList();
    }
}
