using AllianceTracker.Web.Api;
using AllianceTracker.Web.Api.Contracts;
using AllianceTracker.Web.Domain;
using AllianceTracker.Web.Features.History;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AllianceTracker.Web.Features.Stances;

/// <summary>
/// The whole stance history for researchers: <c>GET /api/v1/stances</c>, every entry (retracted ones
/// marked), narrowed by member, proposal and recorded or effective dates, paged by cursor.
/// </summary>
public static class StanceHistoryApi
{
    public static IEndpointRouteBuilder MapStanceHistoryApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/v1/stances", ListAsync).WithTags("Stances").WithName("ListStanceHistory")
            .WithSummary("The stance history, oldest entry first, paged by cursor (after = the last id you have); retracted entries are included and marked")
            .WithMetadata(CacheableReadAttribute.Instance).AllowAnonymous();
        return endpoints;
    }

    internal static async Task<Results<Ok<StanceHistoryPageDto>, ValidationProblem>> ListAsync(
        string? member, string? proposal, string? recordedFrom, string? recordedTo, string? effectiveFrom, string? effectiveTo, string? after, string? limit,
        HttpRequest request, StanceHistoryReader history, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        member = member?.ToUpperInvariant();
        if (member is not null && !CodePatterns.IsAlpha3(member))
        {
            errors["member"] = [ApiParameters.NotAMemberCode(member)];
        }

        if (proposal is not null && !CodePatterns.IsSlug(proposal))
        {
            errors["proposal"] = [ApiParameters.NotAProposalSlug(proposal)];
        }

        var recorded = (From: HistoryPage.Date(recordedFrom, "recordedFrom", errors), To: HistoryPage.Date(recordedTo, "recordedTo", errors));
        var effective = (From: HistoryPage.Date(effectiveFrom, "effectiveFrom", errors), To: HistoryPage.Date(effectiveTo, "effectiveTo", errors));
        var page = HistoryPage.Read(after, limit, errors);
        if (errors.Count > 0)
        {
            return ApiParameters.Refused(errors);
        }

        var entries = (await history.ReadAsync(new HistoryFilter(Member: member, Proposal: proposal), cancellationToken))
            .Where(e => recorded.From is null || DateOnly.FromDateTime(e.RecordedAtUtc) >= recorded.From)
            .Where(e => recorded.To is null || DateOnly.FromDateTime(e.RecordedAtUtc) <= recorded.To)
            .Where(e => effective.From is null || e.EffectiveOn >= effective.From)
            .Where(e => effective.To is null || e.EffectiveOn <= effective.To)
            .OrderBy(e => e.Id);
        var (taken, more) = page.Take(entries, e => e.Id);
        return TypedResults.Ok(new StanceHistoryPageDto(
            taken.Select(StancesApi.ToDto).ToList(), more ? HistoryPage.NextLink(request, taken[^1].Id) : null));
    }
}
