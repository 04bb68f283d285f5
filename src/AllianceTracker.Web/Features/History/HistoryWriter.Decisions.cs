using AllianceTracker.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace AllianceTracker.Web.Features.History;

/// <summary>The write path's part for summit decisions on proposals and their retractions.</summary>
public sealed partial class HistoryWriter
{
    /// <summary>
    /// Records a summit's decision on a proposal with the evidence that reports it, adding the new
    /// sources it cites. From its decision date the decision, not the members' count, is the
    /// proposal's status. A decision moves the proposal's version: one recorded on a version read
    /// before another decision (or retraction, or revision) is refused, so two editors recording
    /// the same summit night cannot both win unseen.
    /// </summary>
    /// <exception cref="EditValidationException">A rule is broken; nothing was written.</exception>
    /// <exception cref="VersionConflictException"><paramref name="expectedVersion"/> is not the proposal's version any more; nothing was written.</exception>
    public async Task<ProposalOutcomeRecord> RecordDecisionAsync(string author, string proposalSlug, DecisionInput input, Guid? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        ProposalOutcomeRecord entry;
        StanceChangeNotice notice;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var proposal = await db.Proposals.SingleOrDefaultAsync(p => p.Slug == proposalSlug, cancellationToken);
            var problems = new FieldProblems();
            problems.Add("proposal", proposal is null ? $"There is no proposal '{proposalSlug}'." : null);
            problems.Add(DecisionRules.Check(input, proposalSlug, Today));
            if (proposal is { TabledOnIsApproximate: false, TabledOn: { } tabled } && input.DecidedOn < tabled)
            {
                problems.Add("decidedOn", $"The decision date {input.DecidedOn.ToIso()} is before the proposal was tabled ({tabled.ToIso()}).");
            }

            var keys = input.Evidence.Where(e => e.NewSource is null).Select(e => e.SourceKey ?? "").Distinct().ToList();
            var sources = await db.Sources.Where(s => keys.Contains(s.Key)).ToDictionaryAsync(s => s.Key, StringComparer.Ordinal, cancellationToken);
            for (var i = 0; i < input.Evidence.Count; i++)
            {
                var key = input.Evidence[i].SourceKey;
                if (input.Evidence[i].NewSource is null && !string.IsNullOrWhiteSpace(key) && !sources.ContainsKey(key))
                {
                    problems.Add($"evidence[{i}].source", $"There is no source with the key '{key}'; pick one or add a new source.");
                }
            }

            int? replacedById = null;
            if (input.Outcome == ProposalOutcome.Replaced && !string.IsNullOrWhiteSpace(input.ReplacedBy) && input.ReplacedBy != proposalSlug)
            {
                replacedById = await db.Proposals.Where(p => p.Slug == input.ReplacedBy).Select(p => (int?)p.Id).SingleOrDefaultAsync(cancellationToken);
                problems.Add("replacedBy", replacedById is null ? $"There is no proposal '{input.ReplacedBy}'; add the replacing proposal first." : null);
            }

            problems.ThrowIfAny();

            var evidence = input.Evidence.Select(e => new DecisionEvidence
            {
                Source = e.NewSource is { } added ? added.ToSource(SourceKeys.New(added)) : sources[e.SourceKey!],
                Excerpt = e.Excerpt.Trim(),
            }).ToList();
            entry = new ProposalOutcomeRecord
            {
                ProposalId = proposal!.Id,
                Outcome = input.Outcome,
                DecidedOn = input.DecidedOn,
                Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim(),
                ReplacedByProposalId = replacedById,
                Source = evidence[0].Source,
                Evidence = evidence,
                RecordedAtUtc = clock.GetUtcNow().UtcDateTime,
                RecordedBy = author,
            };
            db.ProposalOutcomes.Add(entry);
            proposal.Version = NextVersion("proposal", proposalSlug, proposal.Version, expectedVersion);
            notice = await AnnounceInAsync(db, [], author, cancellationToken);
            await SaveVersionedAsync(db, "proposal", proposalSlug, () => ProposalVersionAsync(proposalSlug, cancellationToken), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        // A decision changes the proposal's status on every page, not one cell.
        await notifier.PublishAsync(notice);
        return entry;
    }

    /// <summary>Marks a wrong decision entry as retracted: pictures skip it from now on, the audit trail keeps it.</summary>
    /// <exception cref="EditValidationException">There is no such decision, or it is retracted already; nothing was written.</exception>
    /// <exception cref="VersionConflictException"><paramref name="expectedVersion"/> is not the proposal's version any more; nothing was written.</exception>
    public async Task<DecisionRetraction> RetractDecisionAsync(string author, string proposalSlug, long decisionId, string reason, Guid? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        DecisionRetraction retraction;
        StanceChangeNotice notice;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var decision = await db.ProposalOutcomes.AsNoTracking()
                .Where(o => o.Id == decisionId && o.Proposal!.Slug == proposalSlug)
                .Select(o => new { Retracted = db.DecisionRetractions.Any(r => r.DecisionId == o.Id) })
                .SingleOrDefaultAsync(cancellationToken);
            var problems = new FieldProblems();
            problems.Add("reason", StanceRules.CheckRetractionReason(reason));
            problems.Add("decision", decision is null ? $"There is no decision {decisionId} on '{proposalSlug}'."
                : decision.Retracted ? "That decision is already retracted." : null);
            problems.ThrowIfAny();

            retraction = new DecisionRetraction
            {
                DecisionId = decisionId,
                Reason = reason.Trim(),
                RecordedAtUtc = clock.GetUtcNow().UtcDateTime,
                RecordedBy = author,
            };
            db.DecisionRetractions.Add(retraction);
            var proposal = await db.Proposals.SingleAsync(p => p.Slug == proposalSlug, cancellationToken);
            proposal.Version = NextVersion("proposal", proposalSlug, proposal.Version, expectedVersion);
            notice = await AnnounceInAsync(db, [], author, cancellationToken);
            await SaveVersionedAsync(db, "proposal", proposalSlug, () => ProposalVersionAsync(proposalSlug, cancellationToken), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await notifier.PublishAsync(notice);
        return retraction;
    }
}
