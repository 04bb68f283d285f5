using AllianceTracker.Web.Data;
using AllianceTracker.Web.Domain;
using AllianceTracker.Web.Features.Positions;
using Microsoft.EntityFrameworkCore;

namespace AllianceTracker.Web.Features.Stances;

/// <summary>One step in a member's record on a proposal: what it moved from, to what, when and on what evidence.</summary>
public sealed record StanceHistoryEntry(
    long Id,
    string MemberAlpha3,
    string ProposalSlug,
    string ProposalTitle,
    Stance From,
    Stance To,
    string? Conditions,
    DateOnly EffectiveOn,
    string Rationale,
    DateTime RecordedAtUtc,
    string RecordedBy,
    IReadOnlyList<EvidenceView> Evidence);

public sealed class StanceHistoryReader(IDbContextFactory<AllianceDbContext> dbFactory)
{
    /// <summary>Every entry for the member, oldest first by effective date (then by recording).</summary>
    public async Task<IReadOnlyList<StanceHistoryEntry>> ForMemberAsync(string memberAlpha3, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var changes = await db.StanceChanges.AsNoTracking()
            .Where(c => c.MemberAlpha3 == memberAlpha3)
            .Include(c => c.Proposal)
            .Include(c => c.Evidence).ThenInclude(e => e.Source)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);

        var entries = new List<StanceHistoryEntry>(changes.Count);
        foreach (var proposal in changes.GroupBy(c => c.ProposalId))
        {
            var previous = Stance.Unknown;
            foreach (var change in proposal.OrderBy(c => c.EffectiveOn).ThenBy(c => c.RecordedAtUtc).ThenBy(c => c.Id))
            {
                entries.Add(new StanceHistoryEntry(
                    change.Id,
                    change.MemberAlpha3,
                    change.Proposal!.Slug,
                    change.Proposal.Title,
                    previous,
                    change.Stance,
                    change.Conditions,
                    change.EffectiveOn,
                    change.Rationale,
                    change.RecordedAtUtc,
                    change.RecordedBy,
                    change.Evidence.OrderBy(e => e.Id).Select(e => new EvidenceView(SourceSummary.From(e.Source!), e.Excerpt)).ToList()));
                previous = change.Stance;
            }
        }

        return entries.OrderBy(e => e.EffectiveOn).ThenBy(e => e.RecordedAtUtc).ThenBy(e => e.Id).ToList();
    }
}
