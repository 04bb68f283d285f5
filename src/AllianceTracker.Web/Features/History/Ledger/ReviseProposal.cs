using AllianceTracker.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace AllianceTracker.Web.Features.History;

/// <summary>
/// Appends a revision of a proposal's texts: a correction for every date, or a change in force
/// from a date. Views of a date read the revision in force then; the proposal's row takes the one
/// in force today.
/// </summary>
/// <exception cref="EditValidationException">A rule is broken; nothing was written.</exception>
/// <exception cref="VersionConflictException">The proposal changed since the editor read it; nothing was written.</exception>
public sealed class ReviseProposal(string proposalSlug, ProposalTextsInput input, Guid? expectedVersion, HistoryVersions versions) : ILedgerWrite<ProposalRevision>
{
    public async Task<LedgerStep<ProposalRevision>> ApplyAsync(LedgerContext context, CancellationToken cancellationToken)
    {
        var db = context.Db;
        var proposal = await db.Proposals.SingleOrDefaultAsync(p => p.Slug == proposalSlug, cancellationToken);
        var problems = new FieldProblems();
        problems.Add("proposal", proposal is null ? $"There is no proposal '{proposalSlug}'." : null);
        problems.Add(ProposalRules.CheckTexts(input));
        DateOnly? inForceFrom = IsoDate.TryParse(input.InForceFrom, out var from) ? from : null;
        problems.Add("inForceFrom", inForceFrom > context.Today ? $"{inForceFrom.Value.ToIso()} is in the future; record a change once it is made." : null);
        problems.ThrowIfAny();

        var revision = new ProposalRevision
        {
            ProposalId = proposal!.Id,
            Title = input.Title.Trim(),
            Description = input.Description.Trim(),
            Proposer = input.Proposer.Trim(),
            InForceFrom = inForceFrom,
            Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim(),
            RecordedAtUtc = context.RecordedAtUtc,
            RecordedBy = context.Author,
        };
        db.ProposalRevisions.Add(revision);
        var inForceToday = ProposalRevision.InForceOn(
            [.. await db.ProposalRevisions.AsNoTracking().Where(r => r.ProposalId == proposal.Id).ToListAsync(cancellationToken), revision], context.Today)!;
        proposal.Title = inForceToday.Title;
        proposal.Description = inForceToday.Description;
        proposal.Proposer = inForceToday.Proposer;
        proposal.Version = RowVersions.Next("proposal", proposalSlug, proposal.Version, expectedVersion);
        return new LedgerStep<ProposalRevision>(revision, [])
        {
            Conflict = async () => new VersionConflictException("proposal", proposalSlug, await versions.OfProposalAsync(proposalSlug, cancellationToken)),
        };
    }
}
