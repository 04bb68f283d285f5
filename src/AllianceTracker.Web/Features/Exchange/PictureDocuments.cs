using AllianceTracker.Web.Data;
using AllianceTracker.Web.Domain;
using AllianceTracker.Web.Features.Dashboard;
using AllianceTracker.Web.Features.Positions;
using Microsoft.EntityFrameworkCore;

namespace AllianceTracker.Web.Features.Exchange;

/// <summary>Export documents of the live picture: today or as of a date, optionally narrowed to a dashboard view.</summary>
public sealed class PictureDocuments(AlliancePictureCache pictures, IDbContextFactory<AllianceDbContext> dbFactory)
{
    public async Task<ExportDocument> CurrentAsync(DateOnly? asOf = null, MatrixQuery? view = null, CancellationToken cancellationToken = default)
    {
        var picture = await pictures.GetAsync(asOf, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var summits = (await db.Summits.AsNoTracking().ToListAsync(cancellationToken))
            .Select(s => new ExportSummit(s.Slug, s.Name, s.City, s.StartsOn.ToIso(), s.EndsOn.ToIso()))
            .ToList();
        return ExportDocument.From(picture, summits, view?.Apply(picture));
    }

}
