using AllianceTracker.Web.Api;
using AllianceTracker.Web.Api.Contracts;
using AllianceTracker.Web.Domain;
using AllianceTracker.Web.Features.History;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AllianceTracker.Web.Features.Proposals;

/// <summary><c>GET /api/v1/decisions</c>: every summit decision recorded (retracted ones marked), by proposal, paged by cursor.</summary>
public static class DecisionHistoryApi
{
    public static IEndpointRouteBuilder MapDecisionHistoryApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/v1/decisions", ListAsync).WithTags("Proposals").WithName("ListDecisions")
            .WithSummary("Every decision recorded on a proposal, oldest first, paged by cursor (after = the last id you have); retracted ones included and marked")
            .WithMetadata(CacheableReadAttribute.Instance).AllowAnonymous();
        return endpoints;
    }

    internal static async Task<Results<Ok<DecisionHistoryPageDto>, ValidationProblem>> ListAsync(
        string? proposal, string? after, string? limit, HttpRequest request, DecisionHistoryReader decisions, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (proposal is not null && !CodePatterns.IsSlug(proposal))
        {
            errors["proposal"] = [ApiParameters.NotAProposalSlug(proposal)];
        }

        var page = HistoryPage.Read(after, limit, errors);
        if (errors.Count > 0)
        {
            return ApiParameters.Refused(errors);
        }

        var (taken, more) = page.Take((await decisions.ReadAsync(proposal, cancellationToken)).OrderBy(d => d.Id), d => d.Id);
        return TypedResults.Ok(new DecisionHistoryPageDto(
            taken.Select(ProposalsApi.ToDto).ToList(), more ? HistoryPage.NextLink(request, taken[^1].Id) : null));
    }
}
