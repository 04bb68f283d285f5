using AllianceTracker.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace AllianceTracker.Web.Features.History;

/// <summary>
/// Records a summit's decision on a proposal with the evidence that reports it, adding the new
/// sources it cites. From its decision date the decision, not the members' count, is the
/// proposal's status. A decision moves the proposal's version: one recorded on a version read
/// before another decision (or retraction, or revision) is refused, so two editors recording the
/// same summit night cannot both win unseen.
/// </summary>
/// <exception cref="EditValidationException">A rule is broken; nothing was written.</exception>
/// <exception cref="VersionConflictException">The proposal changed since the editor read it; nothing was written.</exception>
public sealed class RecordDecision(string proposalSlug, DecisionInput input, Guid? expectedVersion, HistoryVersions versions) : ILedgerWrite<SummitDecision>
{
    public async Task<LedgerStep<SummitDecision>> ApplyAsync(LedgerContext context, CancellationToken cancellationToken)
    {
        var db = context.Db;
        var proposal = await db.Proposals.SingleOrDefaultAsync(p => p.Slug == proposalSlug, cancellationToken);
        var problems = new FieldProblems();
        problems.Add("proposal", proposal is null ? $"There is no proposal '{proposalSlug}'." : null);
        problems.Add(DecisionRules.Check(input, proposalSlug, context.Today));
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
        var entry = new SummitDecision
        {
            ProposalId = proposal!.Id,
            Outcome = input.Outcome,
            DecidedOn = input.DecidedOn,
            Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim(),
            ReplacedByProposalId = replacedById,
            Source = evidence[0].Source,
            Evidence = evidence,
            RecordedAtUtc = context.RecordedAtUtc,
            RecordedBy = context.Author,
        };
        db.ProposalOutcomes.Add(entry);
        proposal.Version = RowVersions.Next("proposal", proposalSlug, proposal.Version, expectedVersion);

        // A decision changes the proposal's status on every page, not one cell.
        return new LedgerStep<SummitDecision>(entry, [])
        {
            Conflict = async () => new VersionConflictException("proposal", proposalSlug, await versions.OfProposalAsync(proposalSlug, cancellationToken)),
        };
    }
}
