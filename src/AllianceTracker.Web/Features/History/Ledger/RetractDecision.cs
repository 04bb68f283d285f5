using AllianceTracker.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace AllianceTracker.Web.Features.History;

/// <summary>Marks a wrong decision entry as retracted: pictures skip it from now on, the audit trail keeps it.</summary>
/// <exception cref="EditValidationException">There is no such decision, or it is retracted already; nothing was written.</exception>
/// <exception cref="VersionConflictException">The proposal changed since the editor read it; nothing was written.</exception>
public sealed class RetractDecision(string proposalSlug, long decisionId, string reason, Guid? expectedVersion, HistoryVersions versions) : ILedgerWrite<DecisionRetraction>
{
    public async Task<LedgerStep<DecisionRetraction>> ApplyAsync(LedgerContext context, CancellationToken cancellationToken)
    {
        var db = context.Db;
        var decision = await db.ProposalOutcomes.AsNoTracking()
            .Where(o => o.Id == decisionId && o.Proposal!.Slug == proposalSlug)
            .Select(o => new { Retracted = db.DecisionRetractions.Any(r => r.DecisionId == o.Id) })
            .SingleOrDefaultAsync(cancellationToken);
        var problems = new FieldProblems();
        problems.Add("reason", StanceRules.CheckRetractionReason(reason));
        problems.Add("decision", decision is null ? $"There is no decision {decisionId} on '{proposalSlug}'."
            : decision.Retracted ? "That decision is already retracted." : null);
        problems.ThrowIfAny();

        var retraction = new DecisionRetraction
        {
            DecisionId = decisionId,
            Reason = reason.Trim(),
            RecordedAtUtc = context.RecordedAtUtc,
            RecordedBy = context.Author,
        };
        db.DecisionRetractions.Add(retraction);
        var proposal = await db.Proposals.SingleAsync(p => p.Slug == proposalSlug, cancellationToken);
        proposal.Version = RowVersions.Next("proposal", proposalSlug, proposal.Version, expectedVersion);
        return new LedgerStep<DecisionRetraction>(retraction, [])
        {
            Conflict = async () => new VersionConflictException("proposal", proposalSlug, await versions.OfProposalAsync(proposalSlug, cancellationToken)),
        };
    }
}
