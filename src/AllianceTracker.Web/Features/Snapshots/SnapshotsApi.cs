using System.Security.Claims;
using AllianceTracker.Web.Api;
using AllianceTracker.Web.Api.Contracts;
using AllianceTracker.Web.Domain;
using AllianceTracker.Web.Features.Accounts;
using AllianceTracker.Web.Features.Exchange;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AllianceTracker.Web.Features.Snapshots;

/// <summary>Snapshots, their exports, and diffs between any two pictures, in CSV, JSON, XLSX and Markdown.</summary>
public static class SnapshotsApi
{
    public static IEndpointRouteBuilder MapSnapshotsApi(this IEndpointRouteBuilder endpoints)
    {
        var v1 = endpoints.MapGroup("/api/v1").WithTags("Snapshots and exports");
        v1.MapGet("/snapshots", async (SnapshotService snapshots, PublicAddress address, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok((await snapshots.ListAsync(ct)).Select(s => ToDto(s, null, address.BaseUrl(http))).ToList())).WithName("ListSnapshots")
            .WithSummary("The frozen snapshots, newest first");
        // The newest snapshot, for a citation that should follow the latest frozen picture.
        v1.MapGet("/snapshots/latest", async Task<Results<Ok<SnapshotDto>, ProblemHttpResult>> (SnapshotService snapshots, PublicAddress address, HttpContext http, CancellationToken ct) =>
            await snapshots.ListAsync(ct) is [var latest, ..]
                ? TypedResults.Ok(ToDto(latest, null, address.BaseUrl(http)))
                : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No snapshot yet", detail: "No snapshot has been frozen yet."))
            .WithName("GetLatestSnapshot")
            .WithSummary("The newest snapshot's metadata (hashVerifies is null: see GET /api/v1/snapshots/{id} to check it)");
        // Its page: a temporary redirect, since the latest snapshot changes; none yet goes to the list.
        endpoints.MapGet("/snapshots/latest", async (SnapshotService snapshots, CancellationToken ct) =>
            TypedResults.Redirect(await snapshots.ListAsync(ct) is [var latest, ..] ? $"/snapshots/{latest.Id}" : "/snapshots"))
            .ExcludeFromDescription();
        v1.MapGet("/snapshots/{id}", async Task<Results<Ok<SnapshotDto>, ProblemHttpResult>> (string id, SnapshotService snapshots, PublicAddress address, HttpContext http, CancellationToken ct) =>
            await snapshots.GetAsync(id, ct) is { } frozen ? TypedResults.Ok(ToDto(frozen.Summary, frozen.HashVerifies, address.BaseUrl(http))) : NotFound(id)).WithName("GetSnapshot")
            .WithSummary("One snapshot's metadata, with its SHA-256 and whether it still verifies");
        v1.MapGet("/snapshots/{id}/export.{format}", ExportSnapshotAsync).WithName("ExportSnapshot")
            .WithMetadata(FileResponse.Export("The snapshot as a file; the JSON is the canonical bytes its SHA-256 is over.", typeof(ExportDocument)))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Download a snapshot as CSV, JSON, XLSX or a Markdown brief");
        v1.MapPost("/snapshots", CreateAsync).RequireAuthorization(Policies.CanEdit).WithName("CreateSnapshot")
            .WithSummary("Freeze the picture (today or as of a date) as a citable snapshot");
        v1.MapGet("/diff.{format}", ExportDiffAsync).WithName("ExportDiff")
            .WithMetadata(FileResponse.Export("The comparison as a file.", typeof(PictureDiff)))
            .WithSummary("Download what changed between two pictures (snapshots, dates or now)");
        return endpoints;
    }

    internal static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> ExportSnapshotAsync(
        string id, string format, string? bom, string? formulaGuard, SnapshotService snapshots, HttpResponse response, CancellationToken cancellationToken)
    {
        if (!ExportFormats.TryParse(format, out var parsed))
        {
            return ApiParameters.Invalid("format", ExportFormats.UnknownFormat(format));
        }

        if (!ExportsApi.TryReadByteOrderMark(bom, out var withBom, out var bomProblem))
        {
            return bomProblem;
        }

        if (!ExportsApi.TryReadFormulaGuard(formulaGuard, out var guard, out var guardProblem))
        {
            return guardProblem;
        }

        var frozen = await snapshots.GetAsync(id, cancellationToken);
        if (frozen is null)
        {
            return NotFound(id);
        }

        // A snapshot never changes, nor does the one before it: its files can be kept for good.
        response.Headers.CacheControl = "public, max-age=31536000, immutable";
        var previous = await snapshots.PreviousAsync(frozen.Summary, cancellationToken);
        var brief = new BriefContext(
            $"Snapshot {id}, “{frozen.Summary.Title}”, frozen {frozen.Summary.CreatedAtUtc:yyyy-MM-dd HH:mm} UTC; SHA-256 of its JSON {frozen.Summary.Sha256}.",
            "What changed since the previous snapshot",
            previous is null ? null : PictureDiff.Between(previous.Document, frozen.Document,
                DiffSide.Snapshot(previous.Summary.Id, previous.Document.AsOf, $"snapshot {previous.Summary.Id}"), DiffSide.Snapshot(id, frozen.Document.AsOf, $"snapshot {id}")),
            "This is the first snapshot.");
        var file = ExportFormats.Write(frozen.Document, parsed, $"alliance-snapshot-{id}-{frozen.Document.AsOf}", brief, guard);
        return File(withBom ? file : ExportFormats.WithoutByteOrderMark(file));
    }

    internal static async Task<Results<Created<SnapshotDto>, ValidationProblem>> CreateAsync(
        SnapshotBody body, ClaimsPrincipal user, SnapshotService snapshots, PublicAddress address, HttpContext http, CancellationToken cancellationToken)
    {
        try
        {
            var created = await snapshots.CreateAsync(user, body.Title ?? "", body.Note, body.AsOf, cancellationToken);
            return TypedResults.Created($"/api/v1/snapshots/{created.Id}", ToDto(created, true, address.BaseUrl(http)));
        }
        catch (EditValidationException ex)
        {
            return TypedResults.ValidationProblem(ex.Errors.ToDictionary(), title: "The snapshot was refused");
        }
    }

    internal static async Task<Results<FileContentHttpResult, ValidationProblem>> ExportDiffAsync(
        string format, string? from, string? to, string? bom, SnapshotComparison comparison, PublicAddress address, HttpContext http, CancellationToken cancellationToken)
    {
        if (!ExportFormats.TryParse(format, out var parsed))
        {
            return ApiParameters.Invalid("format", ExportFormats.UnknownFormat(format));
        }

        if (string.IsNullOrWhiteSpace(from))
        {
            return ApiParameters.Invalid("from", "Say what to compare from: snapshot:{id}, date:YYYY-MM-DD or now.");
        }

        if (!ExportsApi.TryReadByteOrderMark(bom, out var withBom, out var bomProblem))
        {
            return bomProblem;
        }

        var result = await comparison.CompareAsync(from, to ?? "now", cancellationToken);
        if (result.Error is { } error)
        {
            return ApiParameters.Invalid(error.Parameter, error.Message);
        }

        // Named by what it compares (alliance-diff-snapshot-k3x9…-to-2024-07-01.csv); the workbook and
        // the brief also say which address they came from.
        var diff = result.Diff!;
        var origin = $"{address.BaseUrl(http)}{http.Request.Path}{http.Request.QueryString}";
        var file = DiffFormats.Write(diff, parsed, $"alliance-diff-{FileNamePart(diff.From)}-to-{FileNamePart(diff.To)}", origin);
        return File(withBom ? file : ExportFormats.WithoutByteOrderMark(file));
    }

    private static FileContentHttpResult File(ExportFile file) => ExportsApi.File(file);

    private static ProblemHttpResult NotFound(string id) =>
        TypedResults.Problem(statusCode: 404, title: "No such snapshot", detail: $"There is no snapshot '{id}'.");

    // The permalink is what a citation carries, so it is absolute: the public base URL (Site:PublicBaseUrl), or the request's own.
    private static SnapshotDto ToDto(SnapshotSummary s, bool? verifies, string baseUrl) =>
        new(s.Id, s.Title, s.Note, s.AsOf.ToIso(), s.CreatedAtUtc, s.CreatedBy, s.Sha256, verifies, $"{baseUrl}/snapshots/{s.Id}");

    private static string FileNamePart(DiffSide side) => side.Kind == DiffSide.SnapshotKind ? $"snapshot-{side.Id}" : side.AsOf;
}
