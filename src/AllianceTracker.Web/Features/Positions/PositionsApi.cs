using AllianceTracker.Web.Api;
using AllianceTracker.Web.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AllianceTracker.Web.Features.Positions;

// The public read API, v1. Field names and stance/status codes are part of the public contract
// (docs/data-format.md); later versions add fields rather than change these.

public sealed record SourceDto(
    string Key, string Title, string Outlet, string? Url, string? PublishedDate, bool PublishedDateApproximate, string Kind);

public sealed record EvidenceDto(SourceDto Source, string Excerpt);

/// <summary>A member's stance on a proposal; <c>effectiveDateApproximate</c> is true when the date is inferred (e.g. from an undated source).</summary>
public sealed record PositionDto(
    string Member, string Proposal, string Stance, string? Conditions, string? EffectiveDate, string? Rationale, IReadOnlyList<EvidenceDto> Evidence,
    bool EffectiveDateApproximate);

public sealed record ConditionDto(string Member, string Conditions);

/// <summary>The summit's decision on a proposal: outcome code, date, note, evidence and, for "replaced", the replacing proposal's slug.</summary>
public sealed record DecisionDto(long Id, string Outcome, string DecidedOn, string? Note, IReadOnlyList<EvidenceDto> Evidence, string? ReplacedBy);

/// <summary>
/// Where the alliance stands on a proposal. <c>status</c> is the decision's outcome code from its
/// decision date on (<c>decision</c> says what was decided), before that the consensus rule's
/// blocked / open / consensus; the members' counts are given either way.
/// </summary>
public sealed record ConsensusDto(
    string Proposal,
    string AsOf,
    string Status,
    IReadOnlyDictionary<string, int> Counts,
    IReadOnlyList<string> Blockers,
    IReadOnlyList<string> StillOpen,
    IReadOnlyList<ConditionDto> Conditions,
    DecisionDto? Decision);

public static class PositionsApi
{
    public static IEndpointRouteBuilder MapPositionsApi(this IEndpointRouteBuilder endpoints)
    {
        var v1 = endpoints.MapGroup("/api/v1").WithTags("Positions").WithMetadata(CacheableReadAttribute.Instance);
        v1.MapGet("/positions", GetPositionsAsync).WithName("GetPositions");
        v1.MapGet("/consensus", GetConsensusAsync).WithName("GetConsensus");

        // An API client asking for a path that does not exist gets problem details, not the HTML not-found page.
        endpoints.MapFallback("/api/{**path}", (string path) =>
            TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such API endpoint", detail: $"There is no API endpoint at /api/{path}."));
        return endpoints;
    }

    internal static async Task<Results<Ok<List<PositionDto>>, ValidationProblem>> GetPositionsAsync(
        string? asOf, string? proposal, AlliancePictureCache pictures, CancellationToken cancellationToken)
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
                return ApiParameters.Invalid("proposal", $"There is no proposal with the slug '{proposal}'.");
            }

            picture = narrowed;
        }

        return TypedResults.Ok(picture.Positions.Select(ToDto).ToList());
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
                c.Result.Blockers,
                c.Result.StillOpen,
                c.Result.OutstandingConditions.Select(o => new ConditionDto(o.MemberAlpha3, o.Conditions)).ToList(),
                c.Proposal.Decision is { } d
                    ? new DecisionDto(d.Id, d.Outcome.ToCode(), d.DecidedOn.ToIso(), d.Note, d.Evidence.Select(ToDto).ToList(), d.ReplacedBySlug)
                    : null))
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
        p.EffectiveOnIsApproximate);

    private static EvidenceDto ToDto(History.EvidenceView e) => new(
        new SourceDto(
            e.Source.Key,
            e.Source.Title,
            e.Source.Outlet,
            e.Source.Url,
            e.Source.PublishedOn is { } published ? published.ToIso() : null,
            e.Source.PublishedOnIsApproximate,
            SourceKindCodes.ToCode(e.Source.Kind)),
        e.Excerpt);
}
