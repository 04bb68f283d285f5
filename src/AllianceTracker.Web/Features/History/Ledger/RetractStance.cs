using AllianceTracker.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace AllianceTracker.Web.Features.History;

/// <summary>
/// Marks an earlier stance entry as retracted: pictures skip it from now on, the audit trail keeps
/// it. Like a save, it is refused on top of a cell version the editor never saw.
/// </summary>
/// <exception cref="EditValidationException">No reason, no such entry, or retracted already; nothing was written.</exception>
/// <exception cref="StanceConflictException">The cell moved on since the editor saw it; nothing was written.</exception>
public sealed class RetractStance(long stanceChangeId, string reason, Guid? expectedVersion, StanceHistoryReader history) : ILedgerWrite<StanceRetraction>
{
    public async Task<LedgerStep<StanceRetraction>> ApplyAsync(LedgerContext context, CancellationToken cancellationToken)
    {
        var db = context.Db;
        var entry = await db.StanceChanges.AsNoTracking()
            .Where(c => c.Id == stanceChangeId)
            .Select(c => new { c.MemberAlpha3, c.ProposalId, c.Proposal!.Slug, Retracted = db.Retractions.Any(r => r.StanceChangeId == c.Id) })
            .SingleOrDefaultAsync(cancellationToken);
        var problems = new FieldProblems();
        problems.Add("reason", StanceRules.CheckRetractionReason(reason));
        problems.Add("stanceChange", entry is null ? $"There is no stance change {stanceChangeId}."
            : entry.Retracted ? "That entry is already retracted." : null);
        problems.ThrowIfAny();

        var retraction = new StanceRetraction
        {
            StanceChangeId = stanceChangeId,
            Reason = reason.Trim(),
            RecordedAtUtc = context.RecordedAtUtc,
            RecordedBy = context.Author,
        };
        db.Retractions.Add(retraction);
        var cell = new CellKey(entry!.MemberAlpha3, entry.ProposalId, entry.Slug, expectedVersion);
        var (_, conflict) = await CellVersionMoves.MoveAsync(db, [cell], checksVersions: true, cancellationToken);
        return new LedgerStep<StanceRetraction>(retraction, [cell.Cell])
        {
            Conflicted = conflict is not null,
            Conflict = CellVersionMoves.ConflictOn(cell.Cell, history, cancellationToken),
        };
    }
}
