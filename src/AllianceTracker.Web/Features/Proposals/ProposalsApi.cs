using System.Security.Claims;
using AllianceTracker.Web.Domain;
using AllianceTracker.Web.Features.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AllianceTracker.Web.Features.Proposals;

public sealed record OutcomeBody(string Outcome, DateOnly DecidedOn, string Source);

/// <summary>The write API for summits and proposals; editors only, checked here and in the service.</summary>
public static class ProposalsApi
{
    public static IEndpointRouteBuilder MapProposalsApi(this IEndpointRouteBuilder endpoints)
    {
        var v1 = endpoints.MapGroup("/api/v1").WithTags("Proposals").RequireAuthorization(Policies.CanEdit);
        v1.MapPost("/summits", (SummitInput body, ClaimsPrincipal user, ProposalAdministration admin, CancellationToken ct) =>
            Write(() => admin.AddSummitAsync(user, body, ct), $"/api/v1/summits/{body.Slug}")).WithName("AddSummit");
        v1.MapPost("/proposals", (ProposalInput body, ClaimsPrincipal user, ProposalAdministration admin, CancellationToken ct) =>
            Write(() => admin.AddProposalAsync(user, body, ct), $"/proposals/{body.Slug}")).WithName("AddProposal");
        v1.MapPut("/proposals/{slug}", (string slug, ProposalTextsInput body, ClaimsPrincipal user, ProposalAdministration admin, CancellationToken ct) =>
            Write(() => admin.UpdateTextsAsync(user, slug, body, ct), null)).WithName("UpdateProposal");
        v1.MapPost("/proposals/{slug}/outcomes", (string slug, OutcomeBody body, ClaimsPrincipal user, ProposalAdministration admin, CancellationToken ct) =>
            ProposalOutcomeCodes.Map.TryParse(body.Outcome, out var outcome)
                ? Write(() => admin.RecordOutcomeAsync(user, slug, new OutcomeInput(outcome, body.DecidedOn, body.Source), ct), $"/proposals/{slug}")
                : Task.FromResult<Results<Created, NoContent, ValidationProblem>>(TypedResults.ValidationProblem(
                    new Dictionary<string, string[]> { ["outcome"] = [$"'{body.Outcome}' is not an outcome; use one of {ProposalOutcomeCodes.Map.CodeList}."] })))
            .WithName("RecordProposalOutcome");
        return endpoints;
    }

    private static async Task<Results<Created, NoContent, ValidationProblem>> Write(Func<Task> write, string? location)
    {
        try
        {
            await write();
            return location is null ? TypedResults.NoContent() : TypedResults.Created(location);
        }
        catch (EditValidationException ex)
        {
            return TypedResults.ValidationProblem(ex.Errors.ToDictionary(), title: "The change was refused");
        }
    }
}
