using System.Security.Claims;
using AllianceTracker.Web.Api;
using AllianceTracker.Web.Domain;
using AllianceTracker.Web.Features.Accounts;
using AllianceTracker.Web.Features.History;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AllianceTracker.Web.Features.Stances;

public sealed record StanceChangeBody(
    string Member, string Proposal, string Stance, string EffectiveDate, string Reason, IReadOnlyList<EvidenceBody> Evidence,
    string? Conditions = null, Guid? ExpectedVersion = null);

public sealed record RetractionBody(string Reason, Guid? ExpectedVersion = null);

public sealed record CellDto(string Member, string Proposal, Guid? Version, string? Stance, string? RecordedBy, DateTime? RecordedAtUtc, string? Reason);

public sealed record WrittenDto(long Id, Guid? Version);

/// <summary>
/// The write API for stances. Every endpoint requires the CanEdit policy, and the service it calls
/// checks again, so no path reaches the history without an editor behind it.
/// </summary>
public static class StancesApi
{
    public static IEndpointRouteBuilder MapStancesApi(this IEndpointRouteBuilder endpoints)
    {
        var stances = endpoints.MapGroup("/api/v1/stances").WithTags("Stances").RequireAuthorization(Policies.CanEdit);
        stances.MapGet("/cell", GetCellAsync).WithName("GetStanceCell");
        stances.MapPost("/", RecordAsync).WithName("RecordStance");
        stances.MapPost("/{id:long}/retraction", RetractAsync).WithName("RetractStance");
        return endpoints;
    }

    internal static async Task<Ok<CellDto>> GetCellAsync(string member, string proposal, StanceRecorder recorder, CancellationToken cancellationToken) =>
        TypedResults.Ok(ToDto(member, proposal, await recorder.GetCellAsync(member, proposal, cancellationToken)));

    internal static async Task<Results<Created<WrittenDto>, ValidationProblem, Conflict<CellDto>>> RecordAsync(
        StanceChangeBody body, ClaimsPrincipal user, StanceRecorder recorder, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (StanceRules.ParseStance(body.Stance, out var stance) is { } unknownStance)
        {
            errors["stance"] = [unknownStance];
        }

        var effective = EvidenceBodies.ReadDate(body.EffectiveDate, "effectiveDate", errors);
        var evidence = EvidenceBodies.Read(body.Evidence, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The stance change was refused");
        }

        try
        {
            var (change, version) = await recorder.RecordAsync(user, new StanceChangeRequest(
                body.Member ?? "", body.Proposal ?? "", stance, body.Conditions, effective!.Value, body.Reason ?? "", evidence, body.ExpectedVersion), cancellationToken);
            return TypedResults.Created($"/api/v1/stances/{change.Id}", new WrittenDto(change.Id, version));
        }
        catch (EditValidationException ex)
        {
            return TypedResults.ValidationProblem(ex.Errors.ToDictionary(), title: "The stance change was refused");
        }
        catch (StanceConflictException ex)
        {
            return TypedResults.Conflict(ToDto(ex.MemberAlpha3, ex.ProposalSlug, ex.Current));
        }
    }

    internal static async Task<Results<Created<WrittenDto>, ValidationProblem, Conflict<CellDto>>> RetractAsync(
        long id, RetractionBody body, ClaimsPrincipal user, StanceRecorder recorder, CancellationToken cancellationToken)
    {
        try
        {
            var retraction = await recorder.RetractAsync(user, id, body.Reason ?? "", body.ExpectedVersion, cancellationToken);
            return TypedResults.Created($"/api/v1/stances/{id}/retraction", new WrittenDto(retraction.Id, null));
        }
        catch (EditValidationException ex)
        {
            return TypedResults.ValidationProblem(ex.Errors.ToDictionary(), title: "The retraction was refused");
        }
        catch (StanceConflictException ex)
        {
            return TypedResults.Conflict(ToDto(ex.MemberAlpha3, ex.ProposalSlug, ex.Current));
        }
    }

    private static CellDto ToDto(string member, string proposal, CellState cell) => new(
        member, proposal, cell.Version, cell.Latest?.To.ToCode(), cell.Latest?.RecordedBy, cell.Latest?.RecordedAtUtc, cell.Latest?.Rationale);
}
