using AllianceTracker.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace AllianceTracker.Web.Features.History;

/// <summary>Takes an alias off the proposal's list; the row keeps who removed it and when.</summary>
/// <exception cref="EditValidationException">The proposal has no such alias in use (key <c>alias</c>).</exception>
public sealed class RemoveAlias(string slug, long aliasId) : ILedgerWrite<ProposalAlias>
{
    public async Task<LedgerStep<ProposalAlias>> ApplyAsync(LedgerContext context, CancellationToken cancellationToken)
    {
        var alias = await context.Db.ProposalAliases.SingleOrDefaultAsync(a => a.Id == aliasId && a.Proposal!.Slug == slug && a.RemovedAtUtc == null, cancellationToken);
        var problems = new FieldProblems();
        problems.Add("alias", alias is null ? "That alias is not on this proposal's list (any more)." : null);
        problems.ThrowIfAny();

        alias!.RemovedAtUtc = context.RecordedAtUtc;
        alias.RemovedBy = context.Author;
        return new LedgerStep<ProposalAlias>(alias, []) { Shown = false };
    }
}
