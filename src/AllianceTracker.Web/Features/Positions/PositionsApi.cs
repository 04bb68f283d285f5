using AllianceTracker.Web.Api;
using AllianceTracker.Web.Api.Contracts;
using AllianceTracker.Web.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AllianceTracker.Web.Features.Positions;

// The public read API, v1. Field names and stance/status codes are part of the public contract
// (docs/data-format.md); later versions add fields rather than change these.

public static class PositionsApi
{
    public static IEndpointRouteBuilder MapPositionsApi(this IEndpointRouteBuilder endpoints)
    {
        var v1 = endpoints.MapGroup("/api/v1").WithTags("Positions").WithMetadata(CacheableReadAttribute.Instance);
        v1.MapGet("/positions", GetPositionsAsync).WithName("GetPositions")
            .WithSummary("Every member's stance on every proposal, today or as of a date, narrowed by proposal, member or stance");
        v1.MapGet("/consensus", GetConsensusAsync).WithName("GetConsensus")
            .WithSummary("Whether each proposal can reach consensus: status, counts, blockers, who is still open, conditions, decision");

        // No catch-all for unknown /api paths: it would take every method and turn a wrong method
        // into 404. A path nobody maps gets its 404 problem from ApiFaults, a wrong method its 405.
        return endpoints;
    }

    internal static async Task<Results<Ok<List<PositionDto>>, ValidationProblem>> GetPositionsAsync(
        string? asOf, string? proposal, string? member, string? stance, AlliancePictureCache pictures, CancellationToken cancellationToken)
    {
        if (!ApiParameters.TryReadAsOf(asOf, pictures.Today, out var date, out var dateProblem))
        {
            return dateProblem;
        }

        var picture = await pictures.GetAsync(date, cancellationToken);
        if (proposal is not null)
        {
            var narrowed = picture.ForProposal(proposal);
            if (narrowed is null)
            {
                return ApiParameters.Invalid("proposal", $"There is no proposal with the slug '{proposal}'; use one of {string.Join(", ", picture.Proposals.Select(p => p.Slug))}.");
            }

            picture = narrowed;
        }

        if (member is not null && picture.FindMember(member) is null)
        {
            return ApiParameters.Invalid("member", $"There is no member with the code '{member}'; member codes are upper-case alpha-3, e.g. HUN.");
        }

        Stance? only = null;
        if (stance is not null)
        {
            if (!StanceVocabulary.TryParse(stance, out var parsed))
            {
                return ApiParameters.Invalid("stance", $"'{stance}' is not a stance; use one of {string.Join(", ", StanceVocabulary.All.Select(d => d.Code))}.");
            }

            only = parsed;
        }

        return TypedResults.Ok(picture.Positions
            .Where(p => (member is null || p.MemberAlpha3 == member) && (only is null || p.Stance == only))
            .Select(ToDto).ToList());
    }

    internal static async Task<Results<Ok<List<ConsensusDto>>, ValidationProblem>> GetConsensusAsync(
        string? asOf, AlliancePictureCache pictures, CancellationToken cancellationToken)
    {
        if (!ApiParameters.TryReadAsOf(asOf, pictures.Today, out var date, out var dateProblem))
        {
            return dateProblem;
        }

        var picture = await pictures.GetAsync(date, cancellationToken);
        var asOfText = picture.AsOf.ToIso();
        return TypedResults.Ok(picture.Consensus
            .Select(c => new ConsensusDto(
                c.Proposal.Slug,
                asOfText,
                c.StatusCode,
                c.Result.Counts.ToDictionary(kv => kv.Key.ToCode(), kv => kv.Value),
                // A decided proposal is not blocked; who opposed it stays named under opposing.
                c.IsDecided ? [] : c.Result.Blockers,
                c.Result.StillOpen,
                c.Result.OutstandingConditions.Select(o => new ConditionDto(o.MemberAlpha3, o.Conditions)).ToList(),
                c.Proposal.Decision is { } d
                    ? new DecisionDto(d.Id, d.Outcome.ToCode(), d.DecidedOn.ToIso(), d.Note, d.Evidence.Select(ToDto).ToList(), d.ReplacedBySlug)
                    : null,
                c.Result.Blockers,
                c.Result.OptingOut))
            .ToList());
    }

    private static PositionDto ToDto(PositionView p) => new(
        p.MemberAlpha3,
        p.ProposalSlug,
        p.Stance.ToCode(),
        p.Conditions,
        p.EffectiveOn is { } effective ? effective.ToIso() : null,
        p.Rationale,
        p.Evidence.Select(ToDto).ToList(),
        p.EffectiveOnIsApproximate,
        p.InterpretationNote);

    private static EvidenceDto ToDto(History.EvidenceView e) => EvidenceContracts.Evidence(e);
}
