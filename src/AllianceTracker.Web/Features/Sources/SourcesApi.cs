using System.Security.Claims;
using AllianceTracker.Web.Api;
using AllianceTracker.Web.Api.Contracts;
using AllianceTracker.Web.Domain;
using AllianceTracker.Web.Features.Accounts;
using AllianceTracker.Web.Features.History;
using AllianceTracker.Web.Features.Positions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AllianceTracker.Web.Features.Sources;

/// <summary>The sources: anyone lists and searches them; editors add and correct them.</summary>
public static class SourcesApi
{
    public static IEndpointRouteBuilder MapSourcesApi(this IEndpointRouteBuilder endpoints)
    {
        var v1 = endpoints.MapGroup("/api/v1/sources").WithTags("Sources");
        v1.MapGet("/", ListAsync).WithName("ListSources").WithMetadata(CacheableReadAttribute.Instance)
            .WithSummary("Every source, newest first; q searches title, outlet, URL and key, kind narrows to one kind.");
        v1.MapGet("/{key}", GetAsync).WithName("GetSource").WithMetadata(CacheableReadAttribute.Instance)
            .WithSummary("One source, with how often it is cited and how many corrections it has had.");
        v1.MapPost("/", AddAsync).WithName("AddSource")
            .WithSummary("Add a source that evidence can quote").RequireAuthorization(Policies.CanEdit);
        v1.MapPut("/{key}", CorrectAsync).WithName("CorrectSource").RequireAuthorization(Policies.CanEdit)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .WithSummary("Correct a source's details; the previous ones are kept with the reason.");
        return endpoints;
    }

    internal static async Task<Results<Ok<List<SourceListItemDto>>, ValidationProblem>> ListAsync(string? q, string? kind, SourceCatalog catalog, CancellationToken cancellationToken)
    {
        SourceKind? only = null;
        if (kind is not null)
        {
            if (SourceRules.ParseKind(kind, out var parsed) is { } unknown)
            {
                return ApiParameters.Invalid("kind", unknown);
            }

            only = parsed;
        }

        return TypedResults.Ok((await catalog.SearchAsync(q, only, cancellationToken)).Select(ToDto).ToList());
    }

    internal static async Task<Results<Ok<SourceListItemDto>, ProblemHttpResult>> GetAsync(string key, HttpResponse response, SourceCatalog catalog, CancellationToken cancellationToken)
    {
        if ((await catalog.SearchAsync(key, null, cancellationToken)).FirstOrDefault(r => r.Source.Key == key) is not { } found)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such source", detail: $"There is no source with the key '{key}'.");
        }

        VersionTags.Set(response, found.Version);
        return TypedResults.Ok(ToDto(found));
    }

    private static SourceListItemDto ToDto(SourceListingView r) => new(EvidenceContracts.Source(r.Source), r.CitedByStances, r.CitedByDecisions, r.Corrections.Count, r.Version);

    internal static async Task<Results<Created<SourceWrittenDto>, ValidationProblem>> AddAsync(SourceBody body, ClaimsPrincipal user, SourcesAdministration admin, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var input = Read(body.Title, body.Outlet, body.Kind, body.Url, body.Published ?? body.PublishedDate, body.PublishedApproximate, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The source was refused");
        }

        try
        {
            var key = await admin.AddAsync(user, input, cancellationToken);
            return TypedResults.Created($"/api/v1/sources/{Uri.EscapeDataString(key)}", new SourceWrittenDto(key));
        }
        catch (EditValidationException ex)
        {
            return TypedResults.ValidationProblem(ex.Errors.ToDictionary(), title: "The source was refused");
        }
    }

    internal static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> CorrectAsync(
        string key, SourceCorrectionBody body, [FromHeader(Name = "If-Match")] string? ifMatch, HttpResponse response, ClaimsPrincipal user,
        SourcesAdministration admin, SourceCatalog catalog, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var input = Read(body.Title, body.Outlet, body.Kind, body.Url, body.Published ?? body.PublishedDate, body.PublishedApproximate, errors);
        var expected = ExpectedVersion.Read(ifMatch, body.ExpectedVersion, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The correction was refused");
        }

        try
        {
            await admin.CorrectAsync(user, key, input, body.Reason ?? "", expected.Version, cancellationToken);
            return TypedResults.NoContent();
        }
        catch (EditValidationException ex)
        {
            return TypedResults.ValidationProblem(ex.Errors.ToDictionary(), title: "The correction was refused");
        }
        catch (VersionConflictException ex)
        {
            var now = (await catalog.SearchAsync(key, null, cancellationToken)).First(r => r.Source.Key == key);
            return expected.Conflict(response, ex.Message, ex.Current, ToDto(now));
        }
    }

    private static SourceInput Read(string? title, string? outlet, string? kind, string? url, string? published, bool approximate, Dictionary<string, string[]> errors)
    {
        var parsed = SourceKind.NewsReport;
        if (kind is null)
        {
            errors["kind"] = [$"Say what kind of source it is: one of {SourceKindCodes.CodeList}."];
        }
        else if (SourceRules.ParseKind(kind, out parsed) is { } unknown)
        {
            errors["kind"] = [unknown];
        }

        var date = published is null ? null : EvidenceBodies.ReadDate(published, "published", errors);
        return new SourceInput(null, title ?? "", outlet ?? "", url, date, approximate, parsed);
    }
}
