using System.Security.Claims;
using AllianceTracker.Web.Api;
using AllianceTracker.Web.Api.Contracts;
using AllianceTracker.Web.Domain;
using AllianceTracker.Web.Features.Accounts;
using AllianceTracker.Web.Features.History;
using AllianceTracker.Web.Features.Positions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AllianceTracker.Web.Features.Proposals;

/// <summary>The write API for proposals; editors only, checked here and in the service.</summary>
public static class ProposalsApi
{
    public static IEndpointRouteBuilder MapProposalsApi(this IEndpointRouteBuilder endpoints)
    {
        var v1 = endpoints.MapGroup("/api/v1").WithTags("Proposals").RequireAuthorization(Policies.CanEdit);
        v1.MapPost("/proposals", (ProposalInput body, ClaimsPrincipal user, ProposalAdministration admin, CancellationToken ct) =>
            Write(() => admin.AddProposalAsync(user, body, ct), $"/api/v1/proposals/{body.Slug}")).WithName("AddProposal")
            .WithSummary("Table a proposal at a summit");
        // Each write names the proposal's version it was made on (expectedVersion, or If-Match with the GET's ETag).
        v1.MapPut("/proposals/{slug}", UpdateTextsAsync).WithName("UpdateProposal")
            .WithSummary("Revise a proposal's title or description; the earlier text is kept")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        v1.MapPost("/proposals/{slug}/outcomes", RecordDecisionAsync).WithName("RecordProposalDecision")
            .WithSummary("Record a summit's decision on a proposal, with the evidence that reports it.")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        v1.MapPost("/proposals/{slug}/outcomes/{id:long}/retraction", RetractDecisionAsync).WithName("RetractProposalDecision")
            .WithSummary("Retract a wrongly recorded decision, saying why; the entry stays in the audit trail.")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        // Decisions are public, as on the proposal page: where a 201 points.
        endpoints.MapGet("/api/v1/proposals/{slug}/outcomes/{id:long}", GetDecisionAsync).WithTags("Proposals").WithName("GetProposalDecision")
            .WithMetadata(CacheableReadAttribute.Instance).AllowAnonymous()
            .WithSummary("One recorded decision on a proposal, with its evidence and retraction if any.");
        return endpoints;
    }

    internal static async Task<Results<Ok<DecisionEntryDto>, ProblemHttpResult>> GetDecisionAsync(
        string slug, long id, DecisionHistoryReader decisions, CancellationToken cancellationToken) =>
        (await decisions.ReadAsync(slug, cancellationToken)).FirstOrDefault(d => d.Id == id) is { } d
            ? TypedResults.Ok(ToDto(d))
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such decision", detail: $"There is no decision {id} on the proposal '{slug}'.");

    internal static DecisionEntryDto ToDto(DecisionHistoryEntry d) => new(
        d.Id, d.ProposalSlug, d.Outcome.ToCode(), d.DecidedOn.ToIso(), d.Note, d.Evidence.Select(EvidenceContracts.Evidence).ToList(), d.ReplacedBySlug,
        d.RecordedAtUtc, d.RecordedBy, RetractionDto.Of(d.RetractedAtUtc, d.RetractedBy, d.RetractionReason));

    internal static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> UpdateTextsAsync(
        string slug, ProposalTextsBody body, [FromHeader(Name = "If-Match")] string? ifMatch, HttpResponse response, ClaimsPrincipal user,
        ProposalAdministration admin, AlliancePictureCache pictures, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var expected = ExpectedVersion.Read(ifMatch, body.ExpectedVersion, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The change was refused");
        }

        try
        {
            await admin.UpdateTextsAsync(user, slug, new ProposalTextsInput(body.Title, body.Description, body.Proposer, body.InForceFrom, body.Note), expected.Version, cancellationToken);
            return TypedResults.NoContent();
        }
        catch (EditValidationException ex)
        {
            return TypedResults.ValidationProblem(ex.Errors.ToDictionary(), title: "The change was refused");
        }
        catch (VersionConflictException ex)
        {
            return await ConflictAsync(expected, ex, slug, response, pictures, cancellationToken);
        }
    }

    internal static async Task<Results<Created<DecisionWrittenDto>, ValidationProblem, ProblemHttpResult>> RecordDecisionAsync(
        string slug, DecisionBody body, [FromHeader(Name = "If-Match")] string? ifMatch, HttpResponse response, ClaimsPrincipal user,
        ProposalAdministration admin, AlliancePictureCache pictures, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var expected = ExpectedVersion.Read(ifMatch, body.ExpectedVersion, errors);
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
            var id = await admin.RecordDecisionAsync(user, slug, new DecisionInput(outcome, decidedOn!.Value, body.Note, evidence, body.ReplacedBy), expected.Version, cancellationToken);
            return TypedResults.Created($"/api/v1/proposals/{slug}/outcomes/{id}", new DecisionWrittenDto(id));
        }
        catch (EditValidationException ex)
        {
            return TypedResults.ValidationProblem(ex.Errors.ToDictionary(), title: "The decision was refused");
        }
        catch (VersionConflictException ex)
        {
            return await ConflictAsync(expected, ex, slug, response, pictures, cancellationToken);
        }
    }

    internal static async Task<Results<Created<DecisionWrittenDto>, ValidationProblem, ProblemHttpResult>> RetractDecisionAsync(
        string slug, long id, DecisionRetractionBody body, [FromHeader(Name = "If-Match")] string? ifMatch, HttpResponse response, ClaimsPrincipal user,
        ProposalAdministration admin, AlliancePictureCache pictures, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var expected = ExpectedVersion.Read(ifMatch, body.ExpectedVersion, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The retraction was refused");
        }

        try
        {
            var retraction = await admin.RetractDecisionAsync(user, slug, id, body.Reason ?? "", expected.Version, cancellationToken);
            return TypedResults.Created($"/api/v1/proposals/{slug}/outcomes/{id}", new DecisionWrittenDto(retraction));
        }
        catch (EditValidationException ex)
        {
            return TypedResults.ValidationProblem(ex.Errors.ToDictionary(), title: "The retraction was refused");
        }
        catch (VersionConflictException ex)
        {
            return await ConflictAsync(expected, ex, slug, response, pictures, cancellationToken);
        }
    }

    // What is saved now: the proposal as the read API writes it, from the picture the conflicting write moved on.
    private static async Task<ProblemHttpResult> ConflictAsync(
        ExpectedVersion expected, VersionConflictException ex, string slug, HttpResponse response, AlliancePictureCache pictures, CancellationToken cancellationToken)
    {
        var now = (await pictures.GetAsync(cancellationToken: cancellationToken)).FindProposal(slug)!.Proposal;
        return expected.Conflict(response, ex.Message, ex.Current, ReferenceApi.ToDto(now));
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
