using System.Security.Claims;
using AllianceTracker.Web.Domain;
using AllianceTracker.Web.Features.Accounts;
using AllianceTracker.Web.Features.History;
using Microsoft.AspNetCore.Authorization;

namespace AllianceTracker.Web.Features.Stances;

/// <summary>
/// What editors do to a stance, from the edit dialog or the write API: every call checks on the
/// server that the caller may edit, then goes through the history's one write path in the
/// caller's name.
/// </summary>
public sealed class StanceRecorder(HistoryWriter writer, StanceHistoryReader history, IAuthorizationService authorization)
{
    public Task<CellState> GetCellAsync(string memberAlpha3, string proposalSlug, CancellationToken cancellationToken = default) =>
        history.ReadCellAsync(memberAlpha3, proposalSlug, cancellationToken);

    /// <exception cref="EditValidationException">A rule is broken; the problems are keyed by field.</exception>
    /// <exception cref="StanceConflictException">Another editor changed the cell since <see cref="StanceChangeInput.ExpectedVersion"/>.</exception>
    public async Task<RecordedStance> RecordAsync(ClaimsPrincipal user, StanceChangeInput request, CancellationToken cancellationToken = default)
    {
        await authorization.DemandAsync(user, Policies.CanEdit);
        try
        {
            var summary = await writer.AppendAsync(new HistoryAppend(user.AuthorName(), [request]), cancellationToken);
            return summary.Recorded.Single();
        }
        catch (HistoryAppendRefusedException ex)
        {
            throw ex.ForOneChange();
        }
    }

    /// <summary>
    /// One statement recorded for several cells at once — a member's announcement on several
    /// proposals, or several members' on one — each with its own stance and conditions, one date,
    /// reason and evidence: one append, all or nothing, one conflict check over every cell.
    /// </summary>
    /// <exception cref="EditValidationException">A rule is broken; problems are keyed <c>cells[i].field</c>.</exception>
    /// <exception cref="StanceConflictException">Another editor changed one of the cells; nothing was written.</exception>
    public async Task<IReadOnlyList<RecordedStance>> RecordStatementAsync(ClaimsPrincipal user, IReadOnlyList<StanceChangeInput> cells, CancellationToken cancellationToken = default)
    {
        await authorization.DemandAsync(user, Policies.CanEdit);
        try
        {
            return (await writer.AppendAsync(new HistoryAppend(user.AuthorName(), cells), cancellationToken)).Recorded;
        }
        catch (HistoryAppendRefusedException ex)
        {
            throw ex.ForCells();
        }
    }

    /// <summary>
    /// Adds evidence to the stance on record without changing it: a new entry with the same stance,
    /// conditions, date and reason, citing its sources and these (corroboration, not displacement).
    /// </summary>
    public Task<RecordedStance> AddEvidenceAsync(ClaimsPrincipal user, string memberAlpha3, string proposalSlug, IReadOnlyList<EvidenceInput> evidence, Guid? expectedVersion, CancellationToken cancellationToken = default) =>
        RecordAsync(user, new StanceChangeInput(memberAlpha3, proposalSlug, Stance.Unknown, null, default, "", evidence, expectedVersion, AddsEvidence: true), cancellationToken);

    /// <summary>Marks an earlier entry as retracted; the pictures skip it from now on, the audit trail keeps it.</summary>
    public async Task<StanceRetraction> RetractAsync(ClaimsPrincipal user, long stanceChangeId, string reason, Guid? expectedVersion, CancellationToken cancellationToken = default)
    {
        await authorization.DemandAsync(user, Policies.CanEdit);
        return await writer.RetractAsync(user.AuthorName(), stanceChangeId, reason, expectedVersion, cancellationToken);
    }
}
