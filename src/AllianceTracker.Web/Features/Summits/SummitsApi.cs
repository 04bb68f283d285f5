using System.Security.Claims;
using AllianceTracker.Web.Domain;
using AllianceTracker.Web.Features.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AllianceTracker.Web.Features.Summits;

/// <summary>The write API for summits; editors only, checked here and in the service.</summary>
public static class SummitsApi
{
    public static IServiceCollection AddSummits(this IServiceCollection services) => services.AddSingleton<SummitAdministration>();

    public static IEndpointRouteBuilder MapSummitsApi(this IEndpointRouteBuilder endpoints)
    {
        // Under the "Proposals" tag, where the published API document has always listed it.
        endpoints.MapPost("/api/v1/summits", AddAsync).WithTags("Proposals").RequireAuthorization(Policies.CanEdit)
            .WithName("AddSummit").WithSummary("Add a summit");
        return endpoints;
    }

    private static async Task<Results<Created, ValidationProblem>> AddAsync(
        SummitInput body, ClaimsPrincipal user, SummitAdministration admin, CancellationToken cancellationToken)
    {
        try
        {
            await admin.AddSummitAsync(user, body, cancellationToken);
            return TypedResults.Created($"/api/v1/summits/{body.Slug}");
        }
        catch (EditValidationException ex)
        {
            return TypedResults.ValidationProblem(ex.Errors.ToDictionary(), title: "The change was refused");
        }
    }
}
