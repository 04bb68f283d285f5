using AllianceTracker.Web.Api;
using AllianceTracker.Web.Features.Positions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AllianceTracker.Web.Features.Exchange;

/// <summary>Downloads of the live picture: today or as of a date, narrowed to a dashboard view when it has filters.</summary>
public static class ExportsApi
{
    public static IEndpointRouteBuilder MapExportsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/api/v1").WithTags("Snapshots and exports")
            .MapGet("/exports/current.{format}", ExportCurrentAsync).WithName("ExportCurrentView")
            .WithSummary("Download the live picture, or a dashboard view of it (or one proposal's, with proposal=), as CSV, JSON, XLSX or a Markdown brief").WithMetadata(CacheableReadAttribute.Instance)
            .WithMetadata(FileResponse.Export("The file, named alliance-consensus-{asOf}.{format} (Content-Disposition); CSV starts with a UTF-8 byte order mark unless bom=false.", typeof(ExportDocument)));
        return endpoints;
    }

    internal static async Task<Results<FileContentHttpResult, ValidationProblem>> ExportCurrentAsync(
        string format, string? asOf, string? region, string? eu, string? b9, string? stance, string? on, string? q, string? sort, string? summit,
        string? proposal, string? bom, string? formulaGuard, string? compare, PictureDocuments documents, AlliancePictureCache pictures, ILatestSnapshot latestSnapshot, CancellationToken cancellationToken)
    {
        if (!ExportFormats.TryParse(format, out var parsed))
        {
            return ApiParameters.Invalid("format", ExportFormats.UnknownFormat(format));
        }

        if (!ApiParameters.TryReadAsOf(asOf, pictures.Today, out var date, out var dateProblem))
        {
            return dateProblem;
        }

        if (!TryReadByteOrderMark(bom, out var withBom, out var bomProblem))
        {
            return bomProblem;
        }

        if (!TryReadFormulaGuard(formulaGuard, out var guard, out var guardProblem))
        {
            return guardProblem;
        }

        if (compare is not null && compare != BriefContext.LatestSnapshot)
        {
            return ApiParameters.Invalid("compare", $"'{compare}' cannot be compared with; the only value is {BriefContext.LatestSnapshot}.");
        }

        var picture = await pictures.GetAsync(date, cancellationToken);
        if (summit is not null && picture.Summits.All(s => s.Slug != summit))
        {
            return ApiParameters.Invalid("summit", $"There is no summit with the slug '{summit}'; use one of {string.Join(", ", picture.Summits.Select(s => s.Slug))}.");
        }

        if (proposal is not null && picture.FindProposal(proposal) is null)
        {
            return ApiParameters.Invalid("proposal", $"There is no proposal with the slug '{proposal}' on {picture.AsOf:yyyy-MM-dd}; use one of {string.Join(", ", picture.Proposals.Select(p => p.Slug))}.");
        }

        if (MatrixQuery.Problems(region, eu, b9, stance, on, sort, picture) is { Count: > 0 } problems)
        {
            return TypedResults.ValidationProblem(problems, title: "Invalid parameter", detail: "A filter value is not one the view knows; nothing was filtered.");
        }

        var view = MatrixQuery.Parse(region, eu, b9, stance, on, q, sort);
        var document = await documents.CurrentAsync(date, view.IsFiltered ? view : null, summit, proposal, cancellationToken);
        var brief = BriefContext.Live(document.AsOf);
        if (compare is not null && parsed == ExportFormat.Md)
        {
            var latest = await latestSnapshot.GetAsync(cancellationToken);
            brief = brief with
            {
                ComparisonHeading = "What changed since the latest snapshot",
                Comparison = latest is { } snapshot ? PictureDiff.Between(snapshot.Document, document, snapshot.Label, $"this picture (as of {document.AsOf})") : null,
                NothingToCompare = "There is no snapshot yet to compare with.",
            };
        }

        // The view is in the name: a filtered download is not saved over the whole picture.
        var file = ExportFormats.Write(document, parsed, $"alliance-consensus-{document.AsOf}{ExportFileNames.ViewSuffix(view, summit, proposal)}", brief, guard);
        return File(withBom ? file : ExportFormats.WithoutByteOrderMark(file));
    }

    /// <summary>The <c>bom</c> parameter of CSV downloads: absent or true keeps the UTF-8 byte order mark Excel needs; false drops it for scripts.</summary>
    public static bool TryReadByteOrderMark(string? value, out bool withBom, out ValidationProblem problem) =>
        ApiParameters.TryReadTrueOrFalse(value, "bom", absent: true, out withBom, out problem);

    /// <summary>
    /// The <c>formulaGuard</c> parameter of CSV downloads: absent or true prefixes an apostrophe to
    /// cells a spreadsheet would run as a formula; false gives scripts every value as stored.
    /// </summary>
    public static bool TryReadFormulaGuard(string? value, out bool guard, out ValidationProblem problem) =>
        ApiParameters.TryReadTrueOrFalse(value, "formulaGuard", absent: true, out guard, out problem);

    public static FileContentHttpResult File(ExportFile file) => TypedResults.File(file.Content, file.ContentType, file.FileName);
}
