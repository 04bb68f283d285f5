using AllianceTracker.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace AllianceTracker.Web.Features.History;

/// <summary>
/// Gives every listed proposal that exists and never had an alias the aliases of the seed file,
/// once: one an editor later removes stays removed. Returns how many were added.
/// </summary>
public sealed class SeedProposalAliases(IReadOnlyDictionary<string, IReadOnlyList<string>> aliases) : ILedgerWrite<int>
{
    public async Task<LedgerStep<int>> ApplyAsync(LedgerContext context, CancellationToken cancellationToken)
    {
        var db = context.Db;
        var slugs = aliases.Keys.ToList();
        var proposals = await db.Proposals.AsNoTracking()
            .Where(p => slugs.Contains(p.Slug) && !db.ProposalAliases.Any(a => a.ProposalId == p.Id))
            .Select(p => new { p.Id, p.Slug, p.Title })
            .ToListAsync(cancellationToken);
        var added = proposals
            .SelectMany(p => aliases[p.Slug]
                .Where(phrase => !string.Equals(phrase, p.Title, StringComparison.OrdinalIgnoreCase))
                .Select(phrase => new ProposalAlias { ProposalId = p.Id, Phrase = phrase, AddedAtUtc = context.RecordedAtUtc, AddedBy = context.Author }))
            .ToList();
        db.ProposalAliases.AddRange(added);
        return new LedgerStep<int>(added.Count, []) { ChangedSomething = added.Count > 0, Shown = false };
    }
}
