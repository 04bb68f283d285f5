using AllianceTracker.Web.Data;
using AllianceTracker.Web.Domain;
using AllianceTracker.Web.Features.Positions;
using Microsoft.EntityFrameworkCore;

namespace AllianceTracker.Web.Features.Exchange;

/// <summary>Export documents of the live picture: today or as of a date, optionally narrowed to a dashboard view.</summary>
public sealed class PictureDocuments(AlliancePictureCache pictures, IDbContextFactory<AllianceDbContext> dbFactory)
{
    /// <param name="asOf">The date; today when null.</param>
    /// <param name="view">The dashboard's member filters, if any.</param>
    /// <param name="summit">Only this summit's proposals (an existing summit's slug), or all when null.</param>
    /// <param name="proposal">Only this proposal (an existing slug, as its page shows), or all when null.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public async Task<ExportDocument> CurrentAsync(DateOnly? asOf = null, MatrixQuery? view = null, string? summit = null, string? proposal = null, CancellationToken cancellationToken = default)
    {
        var picture = await pictures.GetAsync(asOf, cancellationToken);
        picture = summit is null ? picture : picture.ForSummit(summit);
        picture = proposal is null ? picture : picture.ForProposal(proposal) ?? picture;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var summits = (await db.Summits.AsNoTracking().ToListAsync(cancellationToken))
            .Select(s => new ExportSummit(s.Slug, s.Name, s.City, s.StartsOn.ToIso(), s.EndsOn.ToIso()))
            .ToList();
        var shown = view?.Apply(picture);
        var document = ExportDocument.From(picture, summits, shown);
        var filters = ViewFilters(view, summit, proposal);
        return filters.Length == 0 ? document : document with { View = new ExportView(filters, shown?.Count ?? picture.Members.Count, picture.Members.Count) };
    }

    /// <summary>The view's query in URL form ("summit=washington-2024&amp;stance=opposes&amp;on=ukraine-fund"), sort left out.</summary>
    private static string ViewFilters(MatrixQuery? view, string? summit, string? proposal)
    {
        var parameters = (view is { IsFiltered: true } ? view.ToQueryParameters() : new Dictionary<string, object?>())
            .Where(p => p.Key != "sort" && p.Value is not null)
            .Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!.ToString()!)}");
        parameters = proposal is null ? parameters : parameters.Prepend($"proposal={proposal}");
        return string.Join('&', summit is null ? parameters : parameters.Prepend($"summit={summit}"));
    }

}
