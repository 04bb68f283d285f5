using AllianceTracker.Web.Api;
using AllianceTracker.Web.Features.Dashboard;
using AllianceTracker.Web.Features.Positions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AllianceTracker.Web.Features.Exchange;

/// <summary>Downloads of the live picture: today or as of a date, narrowed to a dashboard view when it has filters.</summary>
public static class ExportsApi
{
    public static IEndpointRouteBuilder MapExportsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/api/v1").WithTags("Snapshots and exports")
            .MapGet("/exports/current.{format}", ExportCurrentAsync).WithName("ExportCurrentView").WithMetadata(CacheableReadAttribute.Instance);
        return endpoints;
    }

    internal static async Task<Results<FileContentHttpResult, ValidationProblem>> ExportCurrentAsync(
        string format, string? asOf, string? region, string? eu, string? b9, string? stance, string? on, string? q, string? sort, string? summit,
        PictureDocuments documents, AlliancePictureCache pictures, CancellationToken cancellationToken)
    {
        if (!ExportFormats.TryParse(format, out var parsed))
        {
            return ApiParameters.Invalid("format", ExportFormats.UnknownFormat(format));
        }

        if (!ApiParameters.TryReadAsOf(asOf, pictures.Today, out var date, out var dateProblem))
        {
            return dateProblem;
        }

        if (summit is not null && (await pictures.GetAsync(date, cancellationToken)).Summits.All(s => s.Slug != summit))
        {
            return ApiParameters.Invalid("summit", $"There is no summit with the slug '{summit}'.");
        }

        var view = MatrixQuery.Parse(region, eu, b9, stance, on, q, sort);
        var document = await documents.CurrentAsync(date, view.IsFiltered ? view : null, cancellationToken, summit);
        return File(ExportFormats.Write(document, parsed, $"alliance-consensus-{document.AsOf}"));
    }

    public static FileContentHttpResult File(ExportFile file) => TypedResults.File(file.Content, file.ContentType, file.FileName);
}
