using System.Security.Claims;
using AllianceTracker.Web.Domain;
using AllianceTracker.Web.Features.Accounts;
using AllianceTracker.Web.Features.History;
using Microsoft.AspNetCore.Authorization;

namespace AllianceTracker.Web.Features.Exchange;

/// <summary>
/// Imports a dataset in the export format (v1): read → validate → plan → apply. The file is checked
/// in full first and every problem names its JSON path; applying goes through the history's one
/// write path, in one transaction: all or nothing. Only admins may import.
/// </summary>
public sealed class DatasetImport(ImportPlanner planner, HistoryWriter writer, TimeProvider clock, IAuthorizationService authorization)
{
    public const int MaxBytes = DatasetReader.MaxBytes;

    public async Task<ImportPlan> PreviewAsync(ClaimsPrincipal user, byte[] content, CancellationToken cancellationToken = default)
    {
        await authorization.DemandAsync(user, Policies.CanAdminister);
        var plan = await PlanAsync(content, AuthorDirectory.ImportPrefix + user.AuthorName(), cancellationToken);
        var check = await writer.CheckAsync(plan.Append, cancellationToken);
        if (check.Problems.Count > 0)
        {
            throw Refused(plan, check.Problems);
        }

        return new ImportPlan(plan.Document, plan.Diff, check.MembersToAdd, check.SummitsToAdd, check.ProposalsToAdd, check.SourcesToAdd, plan.Append.Changes.Count, plan.Notes);
    }

    public async Task<ImportPlan> ApplyAsync(ClaimsPrincipal user, byte[] content, CancellationToken cancellationToken = default)
    {
        await authorization.DemandAsync(user, Policies.CanAdminister);
        return await ApplyTrustedAsync(content, AuthorDirectory.ImportPrefix + user.AuthorName(), cancellationToken);
    }

    /// <summary>For the command line, which runs with the operator's own rights.</summary>
    public async Task<ImportPlan> ApplyTrustedAsync(byte[] content, string author, CancellationToken cancellationToken = default)
    {
        var plan = await PlanAsync(content, author, cancellationToken);
        try
        {
            var added = await writer.AppendAsync(plan.Append, cancellationToken);
            return new ImportPlan(plan.Document, plan.Diff, added.MembersAdded, added.SummitsAdded, added.ProposalsAdded, added.SourcesAdded, added.Recorded.Count, plan.Notes);
        }
        catch (HistoryAppendRefusedException ex)
        {
            throw Refused(plan, ex.Problems);
        }
        catch (EditValidationException ex)
        {
            // The text policy, checked again as the rows are saved: nothing was written.
            throw new ImportRefusedException([.. ex.Errors.SelectMany(e => e.Value.Select(message => new ImportProblem(e.Key, message)))]);
        }
        catch (StanceConflictException ex)
        {
            // Imports do not check versions; only two first saves of one cell at the same moment get here.
            throw new ImportRefusedException([new ImportProblem("$", $"{ex.Message} Nothing was imported; try again.")]);
        }
    }

    private async Task<DatasetPlan> PlanAsync(byte[] content, string author, CancellationToken cancellationToken)
    {
        var document = DatasetReader.Read(content);
        var problems = DatasetValidator.Check(document, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        return problems.Count > 0
            ? throw new ImportRefusedException(problems)
            : await planner.PlanAsync(document, author, cancellationToken);
    }

    /// <summary>The write path's problems at the file's JSON paths (the append lists the file's records in the file's order).</summary>
    private static ImportRefusedException Refused(DatasetPlan plan, IReadOnlyList<AppendProblem> problems) => new(problems
        .Select(p => new ImportProblem(
            p.Part == AppendPart.Changes
                ? $"$.positions[{plan.PositionOfChange[p.Index]}].{DatasetInputs.JsonField(p.Field)}"
                : $"$.{p.Part.ToString().ToLowerInvariant()}[{p.Index}].{DatasetInputs.JsonField(p.Field)}",
            p.Message))
        .ToList());
}
