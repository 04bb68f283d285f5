using System.Globalization;
using AllianceTracker.Web.Data;
using AllianceTracker.Web.Domain;
using AllianceTracker.Web.Features.History;
using Microsoft.EntityFrameworkCore;

namespace AllianceTracker.Web.Features.Positions;

/// <summary>
/// Derives the picture on a date from the stance history: for each member and proposal the latest
/// entry effective on or before that date wins (ties go to the later recording); no entry means unknown.
/// </summary>
public sealed class AlliancePictureReader(IDbContextFactory<AllianceDbContext> dbFactory, TimeProvider clock)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <param name="asOf">The date to read; today when null.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public async Task<AlliancePicture> ReadAsync(DateOnly? asOf = null, CancellationToken cancellationToken = default)
    {
        var date = asOf ?? Today;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        var members = (await db.Members.AsNoTracking()
                .Select(m => new MemberSummary(m.Alpha3, m.Alpha2, m.NumericCode, m.Name, m.AccessionYear, m.Subregion, m.IsEuMember, m.IsBucharestNine))
                .ToListAsync(cancellationToken))
            .OrderBy(m => m.Name, StringComparer.Create(CultureInfo.InvariantCulture, ignoreCase: true))
            .ToList();

        // A proposal is on the picture from its tabled date (always, when no source gives the date),
        // in the words in force on the picture's date.
        var proposals = await db.Proposals.AsNoTracking()
            .Where(p => p.TabledOn == null || p.TabledOn <= date)
            .OrderBy(p => p.Summit!.StartsOn).ThenBy(p => p.TabledOn == null).ThenBy(p => p.TabledOn).ThenBy(p => p.Id)
            .Select(p => new
            {
                p.Id,
                Summary = new ProposalSummary(p.Slug, p.Title, p.Description, p.Proposer, p.TabledOn, p.TabledOnIsApproximate, p.Summit!.Slug, p.Summit.Name) { Version = p.Version },
            })
            .ToListAsync(cancellationToken);
        var revisions = (await db.ProposalRevisions.AsNoTracking()
                .Where(r => r.InForceFrom == null || r.InForceFrom <= date)
                .ToListAsync(cancellationToken))
            .GroupBy(r => r.ProposalId)
            .ToDictionary(g => g.Key, g => ProposalRevision.InForceOn(g, date)!);
        proposals = proposals
            .Select(p => revisions.TryGetValue(p.Id, out var text)
                ? p with { Summary = p.Summary with { Title = text.Title, Description = text.Description, Proposer = text.Proposer } }
                : p)
            .ToList();

        // The decision on the date too: an as-of view before the summit shows the proposal undecided.
        var decisions = await DecisionsOnAsync(db, date, cancellationToken);
        var slugs = proposals.ToDictionary(p => p.Id, p => (p.Summary.Slug, p.Summary.Title));
        proposals = proposals
            .Select(p => decisions.TryGetValue(p.Id, out var d)
                ? p with { Summary = p.Summary with { Decision = ToDecision(d, slugs) } }
                : p)
            .ToList();

        // Two steps keep the read small and independent of how long the history is: for each
        // member × proposal, the id of its latest entry on the date is one index seek (the
        // composite index ends in the effective date and the recording time); then only those
        // entries are loaded, with their evidence. A retracted entry stays in the history and the
        // audit trail, but no picture uses it.
        var currentIds = (await (
                from member in db.Members
                from proposal in db.Proposals
                select db.StanceChanges
                    .Where(c => c.ProposalId == proposal.Id && c.MemberAlpha3 == member.Alpha3 && c.EffectiveOn <= date)
                    .Where(c => !db.Retractions.Any(r => r.StanceChangeId == c.Id))
                    .OrderByDescending(c => c.EffectiveOn).ThenByDescending(c => c.RecordedAtUtc).ThenByDescending(c => c.Id)
                    .Select(c => (long?)c.Id)
                    .FirstOrDefault())
                .ToListAsync(cancellationToken))
            .OfType<long>()
            .ToList();
        var current = await db.StanceChanges.AsNoTracking()
            .Where(c => currentIds.Contains(c.Id))
            .Include(c => c.Evidence).ThenInclude(e => e.Source)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var currentByCell = current.ToDictionary(c => (c.MemberAlpha3, c.ProposalId));

        var positions = new List<PositionView>(members.Count * proposals.Count);
        var consensus = new List<ProposalConsensus>(proposals.Count);
        foreach (var proposal in proposals)
        {
            var proposalPositions = members
                .Select(m => currentByCell.TryGetValue((m.Alpha3, proposal.Id), out var change)
                    ? ToView(change, proposal.Summary.Slug)
                    : new PositionView(m.Alpha3, proposal.Summary.Slug, Stance.Unknown, null, null, null, []))
                .ToList();
            positions.AddRange(proposalPositions);
            var result = ConsensusCalculator.Evaluate(proposalPositions.Select(p => new MemberPosition(p.MemberAlpha3, p.Stance, p.Conditions)));
            consensus.Add(new ProposalConsensus(proposal.Summary, result));
        }

        var summits = (await db.Summits.AsNoTracking().ToListAsync(cancellationToken))
            .OrderBy(s => s.StartsOn).ThenBy(s => s.Slug, StringComparer.Ordinal)
            .Select(s => new SummitSummary(s.Slug, s.Name, s.City, s.StartsOn, s.EndsOn))
            .ToList();
        return new AlliancePicture(date, members, proposals.Select(p => p.Summary).ToList(), positions, consensus, summits);
    }

    /// <summary>
    /// Per proposal, the decision in force on <paramref name="date"/>: the latest unretracted entry
    /// decided by then (ties go to the later recording). A legacy "pending" entry means undecided.
    /// </summary>
    private static async Task<Dictionary<int, SummitDecision>> DecisionsOnAsync(AllianceDbContext db, DateOnly date, CancellationToken cancellationToken)
    {
        var entries = await db.ProposalOutcomes.AsNoTracking()
            .Where(o => o.DecidedOn <= date && !db.DecisionRetractions.Any(r => r.DecisionId == o.Id))
            .Include(o => o.Evidence).ThenInclude(e => e.Source)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        return entries
            .GroupBy(o => o.ProposalId)
            .Select(g => g.OrderByDescending(o => o.DecidedOn).ThenByDescending(o => o.RecordedAtUtc).ThenByDescending(o => o.Id).First())
            .Where(o => o.Outcome != ProposalOutcome.Pending)
            .ToDictionary(o => o.ProposalId);
    }

    private static ProposalDecision ToDecision(SummitDecision entry, Dictionary<int, (string Slug, string Title)> proposals)
    {
        (string Slug, string Title)? replacedBy = entry.ReplacedByProposalId is { } id && proposals.TryGetValue(id, out var p) ? p : null;
        return new ProposalDecision(
            entry.Id,
            entry.Outcome,
            entry.DecidedOn,
            entry.Note,
            entry.Evidence.OrderBy(e => e.Id).Select(e => new EvidenceView(SourceSummary.From(e.Source!), e.Excerpt)).ToList(),
            replacedBy?.Slug,
            replacedBy?.Title);
    }

    private static PositionView ToView(StanceChange change, string proposalSlug) => new(
        change.MemberAlpha3,
        proposalSlug,
        change.Stance,
        change.Conditions,
        change.EffectiveOn,
        change.Rationale,
        change.Evidence
            .OrderBy(e => e.Id)
            .Select(e => new EvidenceView(SourceSummary.From(e.Source!), e.Excerpt))
            .ToList(),
        change.EffectiveOnIsApproximate,
        change.InterpretationNote);
}
