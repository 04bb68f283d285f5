using System.Security.Claims;
using AllianceTracker.Web.Api;
using AllianceTracker.Web.Api.Contracts;
using AllianceTracker.Web.Domain;
using AllianceTracker.Web.Features.Accounts;
using AllianceTracker.Web.Features.History;
using AllianceTracker.Web.Features.Positions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AllianceTracker.Web.Features.Stances;

/// <summary>
/// The write API for stances. Every endpoint requires the CanEdit policy, and the service it calls
/// checks again, so no path reaches the history without an editor behind it.
/// </summary>
public static class StancesApi
{
    public static IEndpointRouteBuilder MapStancesApi(this IEndpointRouteBuilder endpoints)
    {
        var stances = endpoints.MapGroup("/api/v1/stances").WithTags("Stances").RequireAuthorization(Policies.CanEdit);
        stances.MapGet("/cell", GetCellAsync).WithName("GetStanceCell")
            .WithSummary("A cell's current stance and version, to send as expectedVersion when changing it");
        stances.MapPost("/", RecordAsync).WithName("RecordStance")
            .WithSummary("Record a member's new stance on a proposal, with the evidence for it");
        stances.MapPost("/statements", RecordStatementAsync).WithName("RecordStatement")
            .WithSummary("Record one statement for several cells (a member on several proposals, or several members on one), in one step");
        stances.MapPost("/evidence", AddEvidenceAsync).WithName("AddEvidence")
            .WithSummary("Add evidence to the stance on record without changing it; the picture then cites every source");
        stances.MapPost("/{id:long}/retraction", RetractAsync).WithName("RetractStance")
            .WithSummary("Retract a wrongly recorded stance, saying why; the entry stays in the history");
        // The history is public, as on the member pages and in the feed: where a 201 points.
        endpoints.MapGet("/api/v1/stances/{id:long}", GetEntryAsync).WithTags("Stances").WithName("GetStanceEntry")
            .WithSummary("One entry of the stance history, with what it moved from, its evidence and its retraction if any")
            .WithMetadata(CacheableReadAttribute.Instance).AllowAnonymous();
        return endpoints;
    }

    internal static async Task<Results<Ok<StanceEntryDto>, ProblemHttpResult>> GetEntryAsync(long id, StanceHistoryReader history, CancellationToken cancellationToken) =>
        await history.ReadEntryAsync(id, cancellationToken) is { } e
            ? TypedResults.Ok(ToDto(e))
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such stance entry", detail: $"There is no stance history entry {id}.");

    internal static StanceEntryDto ToDto(StanceHistoryEntry e) => new(
        e.Id, e.MemberAlpha3, e.ProposalSlug, e.From.ToCode(), e.To.ToCode(), e.Conditions, e.EffectiveOn.ToIso(), e.EffectiveOnIsApproximate,
        e.Rationale, e.RecordedAtUtc, e.RecordedBy, e.Evidence.Select(EvidenceContracts.Evidence).ToList(),
        RetractionDto.Of(e.RetractedAtUtc, e.RetractedBy, e.RetractionReason), e.Origin?.ToCode(), e.AddsEvidenceTo, e.InterpretationNote);

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
            var (change, version) = await recorder.RecordAsync(user, new StanceChangeInput(
                body.Member ?? "", body.Proposal ?? "", stance, body.Conditions, effective!.Value, body.Reason ?? "", evidence, body.ExpectedVersion,
                InterpretationNote: body.InterpretationNote), cancellationToken);
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

    internal static async Task<Results<Created<StatementWrittenDto>, ValidationProblem, Conflict<CellDto>>> RecordStatementAsync(
        StatementBody body, ClaimsPrincipal user, StanceRecorder recorder, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var effective = EvidenceBodies.ReadDate(body.EffectiveDate, "effectiveDate", errors);
        var evidence = EvidenceBodies.Read(body.Evidence, errors);
        var cells = body.Cells ?? [];
        if (cells.Count == 0)
        {
            errors["cells"] = ["Name the cells the statement covers: each a member, a proposal and the stance it shows."];
        }

        var stances = new Stance[cells.Count];
        for (var i = 0; i < cells.Count; i++)
        {
            if (StanceRules.ParseStance(cells[i].Stance, out stances[i]) is { } unknown)
            {
                errors[$"cells[{i}].stance"] = [unknown];
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The statement was refused");
        }

        try
        {
            var recorded = await recorder.RecordStatementAsync(user, cells.Select((c, i) => new StanceChangeInput(
                c.Member ?? "", c.Proposal ?? "", stances[i], c.Conditions, effective!.Value, body.Reason ?? "", evidence, c.ExpectedVersion,
                InterpretationNote: body.InterpretationNote)).ToList(), cancellationToken);
            return TypedResults.Created($"/api/v1/stances/{recorded[0].Change.Id}", new StatementWrittenDto(recorded.Select(r => new WrittenDto(r.Change.Id, r.CellVersion)).ToList()));
        }
        catch (EditValidationException ex)
        {
            return TypedResults.ValidationProblem(ex.Errors.ToDictionary(), title: "The statement was refused");
        }
        catch (StanceConflictException ex)
        {
            return TypedResults.Conflict(ToDto(ex.MemberAlpha3, ex.ProposalSlug, ex.Current));
        }
    }

    internal static async Task<Results<Created<WrittenDto>, ValidationProblem, Conflict<CellDto>>> AddEvidenceAsync(
        EvidenceAdditionBody body, ClaimsPrincipal user, StanceRecorder recorder, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var evidence = EvidenceBodies.Read(body.Evidence, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The evidence was refused");
        }

        try
        {
            var (change, version) = await recorder.AddEvidenceAsync(user, body.Member ?? "", body.Proposal ?? "", evidence, body.ExpectedVersion, cancellationToken);
            return TypedResults.Created($"/api/v1/stances/{change.Id}", new WrittenDto(change.Id, version));
        }
        catch (EditValidationException ex)
        {
            return TypedResults.ValidationProblem(ex.Errors.ToDictionary(), title: "The evidence was refused");
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
            // The retraction is part of the entry it takes back, which now shows it.
            return TypedResults.Created($"/api/v1/stances/{id}", new WrittenDto(retraction.Id, null));
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
