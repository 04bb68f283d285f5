using System.Security.Claims;
using AllianceTracker.Web.Api;
using AllianceTracker.Web.Domain;
using AllianceTracker.Web.Features.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AllianceTracker.Web.Features.Proposals;

/// <summary>A summit's decision on a proposal: <c>outcome</c> is one of the decision codes; <c>replacedBy</c> a proposal's slug, for "replaced" only.</summary>
public sealed record DecisionBody(string Outcome, string DecidedOn, string? Note, IReadOnlyList<EvidenceBody> Evidence, string? ReplacedBy = null);

public sealed record DecisionRetractionBody(string Reason);

public sealed record DecisionWrittenDto(long Id);

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
        v1.MapPost("/proposals/{slug}/outcomes", RecordDecisionAsync).WithName("RecordProposalDecision")
            .WithSummary("Record a summit's decision on a proposal, with the evidence that reports it.");
        v1.MapPost("/proposals/{slug}/outcomes/{id:long}/retraction", RetractDecisionAsync).WithName("RetractProposalDecision")
            .WithSummary("Retract a wrongly recorded decision, saying why; the entry stays in the audit trail.");
        return endpoints;
    }

    internal static async Task<Results<Created<DecisionWrittenDto>, ValidationProblem>> RecordDecisionAsync(
        string slug, DecisionBody body, ClaimsPrincipal user, ProposalAdministration admin, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (!ProposalOutcomeCodes.Map.TryParse(body.Outcome, out var outcome))
        {
            errors["outcome"] = [$"'{body.Outcome}' is not a decision; use one of {string.Join(", ", ProposalOutcomeCodes.DecisionCodes)}."];
        }

        var decidedOn = EvidenceBodies.ReadDate(body.DecidedOn, "decidedOn", errors);
        var evidence = EvidenceBodies.Read(body.Evidence, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The decision was refused");
        }

        try
        {
            var id = await admin.RecordDecisionAsync(user, slug, new DecisionInput(outcome, decidedOn!.Value, body.Note, evidence, body.ReplacedBy), cancellationToken);
            return TypedResults.Created($"/proposals/{slug}#decision-{id}", new DecisionWrittenDto(id));
        }
        catch (EditValidationException ex)
        {
            return TypedResults.ValidationProblem(ex.Errors.ToDictionary(), title: "The decision was refused");
        }
    }

    internal static async Task<Results<Created<DecisionWrittenDto>, ValidationProblem>> RetractDecisionAsync(
        string slug, long id, DecisionRetractionBody body, ClaimsPrincipal user, ProposalAdministration admin, CancellationToken cancellationToken)
    {
        try
        {
            var retraction = await admin.RetractDecisionAsync(user, slug, id, body.Reason ?? "", cancellationToken);
            return TypedResults.Created($"/proposals/{slug}#decision-{id}", new DecisionWrittenDto(retraction));
        }
        catch (EditValidationException ex)
        {
            return TypedResults.ValidationProblem(ex.Errors.ToDictionary(), title: "The retraction was refused");
        }
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
