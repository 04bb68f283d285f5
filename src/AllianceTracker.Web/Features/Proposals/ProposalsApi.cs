using System.Security.Claims;
using AllianceTracker.Web.Api;
using AllianceTracker.Web.Domain;
using AllianceTracker.Web.Features.Accounts;
using AllianceTracker.Web.Features.History;
using AllianceTracker.Web.Features.Positions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AllianceTracker.Web.Features.Proposals;

/// <summary>A summit's decision on a proposal: <c>outcome</c> is one of the decision codes; <c>replacedBy</c> a proposal's slug, for "replaced" only.</summary>
public sealed record DecisionBody(string Outcome, string DecidedOn, string? Note, IReadOnlyList<EvidenceBody> Evidence, string? ReplacedBy = null);

public sealed record DecisionRetractionBody(string Reason);

public sealed record DecisionWrittenDto(long Id);

/// <summary>One recorded decision on a proposal, with its evidence and, if it was taken back, its retraction.</summary>
public sealed record DecisionEntryDto(
    long Id, string Proposal, string Outcome, string DecidedOn, string? Note, IReadOnlyList<EvidenceDto> Evidence, string? ReplacedBy,
    DateTime RecordedAtUtc, string RecordedBy, RetractionDto? Retraction);

/// <summary>The write API for summits and proposals; editors only, checked here and in the service.</summary>
public static class ProposalsApi
{
    public static IEndpointRouteBuilder MapProposalsApi(this IEndpointRouteBuilder endpoints)
    {
        var v1 = endpoints.MapGroup("/api/v1").WithTags("Proposals").RequireAuthorization(Policies.CanEdit);
        v1.MapPost("/summits", (SummitInput body, ClaimsPrincipal user, ProposalAdministration admin, CancellationToken ct) =>
            Write(() => admin.AddSummitAsync(user, body, ct), $"/api/v1/summits/{body.Slug}")).WithName("AddSummit")
            .WithSummary("Add a summit");
        v1.MapPost("/proposals", (ProposalInput body, ClaimsPrincipal user, ProposalAdministration admin, CancellationToken ct) =>
            Write(() => admin.AddProposalAsync(user, body, ct), $"/api/v1/proposals/{body.Slug}")).WithName("AddProposal")
            .WithSummary("Table a proposal at a summit");
        v1.MapPut("/proposals/{slug}", (string slug, ProposalTextsInput body, ClaimsPrincipal user, ProposalAdministration admin, CancellationToken ct) =>
            Write(() => admin.UpdateTextsAsync(user, slug, body, ct), null)).WithName("UpdateProposal")
            .WithSummary("Revise a proposal's title or description; the earlier text is kept");
        v1.MapPost("/proposals/{slug}/outcomes", RecordDecisionAsync).WithName("RecordProposalDecision")
            .WithSummary("Record a summit's decision on a proposal, with the evidence that reports it.");
        v1.MapPost("/proposals/{slug}/outcomes/{id:long}/retraction", RetractDecisionAsync).WithName("RetractProposalDecision")
            .WithSummary("Retract a wrongly recorded decision, saying why; the entry stays in the audit trail.");
        // Decisions are public, as on the proposal page: where a 201 points.
        endpoints.MapGet("/api/v1/proposals/{slug}/outcomes/{id:long}", GetDecisionAsync).WithTags("Proposals").WithName("GetProposalDecision")
            .WithMetadata(CacheableReadAttribute.Instance).AllowAnonymous()
            .WithSummary("One recorded decision on a proposal, with its evidence and retraction if any.");
        return endpoints;
    }

    internal static async Task<Results<Ok<DecisionEntryDto>, ProblemHttpResult>> GetDecisionAsync(
        string slug, long id, DecisionHistoryReader decisions, CancellationToken cancellationToken) =>
        (await decisions.ReadAsync(slug, cancellationToken)).FirstOrDefault(d => d.Id == id) is { } d
            ? TypedResults.Ok(new DecisionEntryDto(
                d.Id, d.ProposalSlug, d.Outcome.ToCode(), d.DecidedOn.ToIso(), d.Note, d.Evidence.Select(EvidenceDto.From).ToList(), d.ReplacedBySlug,
                d.RecordedAtUtc, d.RecordedBy, RetractionDto.Of(d.RetractedAtUtc, d.RetractedBy, d.RetractionReason)))
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such decision", detail: $"There is no decision {id} on the proposal '{slug}'.");

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
            return TypedResults.Created($"/api/v1/proposals/{slug}/outcomes/{id}", new DecisionWrittenDto(id));
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
            return TypedResults.Created($"/api/v1/proposals/{slug}/outcomes/{id}", new DecisionWrittenDto(retraction));
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
