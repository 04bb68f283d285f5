using System.Globalization;
using AllianceTracker.Web.Api;
using AllianceTracker.Web.Features.Positions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AllianceTracker.Web.Features.Charts;

/// <summary>
/// The proposal page's charts as standalone SVG files, light or dark, for any date the page can
/// show: the same drawing as on the page with its title, legend and source written in.
/// </summary>
public static class ChartDownloads
{
    public static IEndpointRouteBuilder MapChartDownloads(this IEndpointRouteBuilder endpoints)
    {
        var charts = endpoints.MapGroup("/charts/proposals/{slug}").ExcludeFromDescription().AllowAnonymous().WithMetadata(CacheableReadAttribute.Instance);
        charts.MapGet("/map.svg", (string slug, string? theme, string? asOf, HttpContext context, AlliancePictureCache pictures, PublicAddress address) =>
            DrawAsync(slug, theme, asOf, context, pictures, address, "map"));
        charts.MapGet("/bar.svg", (string slug, string? theme, string? asOf, HttpContext context, AlliancePictureCache pictures, PublicAddress address) =>
            DrawAsync(slug, theme, asOf, context, pictures, address, "bar"));
        return endpoints;
    }

    private static async Task<Results<FileContentHttpResult, NotFound<string>, ValidationProblem>> DrawAsync(
        string slug, string? theme, string? asOf, HttpContext context, AlliancePictureCache pictures, PublicAddress address, string chart)
    {
        if (!ApiParameters.TryReadAsOf(asOf, pictures.Today, out var date, out var problem))
        {
            return problem;
        }

        var picture = await pictures.GetAsync(date, context.RequestAborted);
        if (picture.FindProposal(slug) is not { } consensus)
        {
            return TypedResults.NotFound($"There is no proposal with the slug '{slug}' on {picture.AsOf:yyyy-MM-dd}.");
        }

        var dark = string.Equals(theme, "dark", StringComparison.OrdinalIgnoreCase);
        var day = picture.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var caption = $"{consensus.Proposal.Title}, as of {picture.AsOf.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}\nSource: AllianceTracker, {address.BaseUrl(context)}/proposals/{consensus.Proposal.Slug}";
        var svg = chart == "map"
            ? ChartSvg.TileMap(picture, consensus.Proposal.Slug, dark, link: null, caption)
            : ChartSvg.StackedBar(picture, consensus.Proposal.Slug, dark, caption);
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(svg), "image/svg+xml",
            $"alliancetracker-{consensus.Proposal.Slug}-{chart}-{day}{(dark ? "-dark" : "")}.svg");
    }
}
