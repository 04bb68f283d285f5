using AllianceTracker.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace AllianceTracker.Web.Features.History;

/// <summary>Adds a phrase the news assist reads as the proposal (its aliases are kept with who added and removed them).</summary>
/// <exception cref="EditValidationException">No such proposal, or the phrase is too short, too long, or names the proposal already (key <c>phrase</c>).</exception>
public sealed class AddAlias(string slug, string? phrase) : ILedgerWrite<ProposalAlias>
{
    public async Task<LedgerStep<ProposalAlias>> ApplyAsync(LedgerContext context, CancellationToken cancellationToken)
    {
        var db = context.Db;
        var proposal = await db.Proposals.AsNoTracking().Where(p => p.Slug == slug).Select(p => new { p.Id, p.Title }).SingleOrDefaultAsync(cancellationToken);
        var problems = new FieldProblems();
        problems.Add("proposal", proposal is null ? $"There is no proposal '{slug}'." : null);
        problems.ThrowIfAny();

        var current = await db.ProposalAliases.Where(a => a.ProposalId == proposal!.Id && a.RemovedAtUtc == null).Select(a => a.Phrase).ToListAsync(cancellationToken);
        problems.Add("phrase", ProposalAliasRules.Check(phrase, [proposal!.Title, .. current]));
        problems.ThrowIfAny();

        var alias = new ProposalAlias { ProposalId = proposal.Id, Phrase = TextPolicy.Clean(phrase)!, AddedAtUtc = context.RecordedAtUtc, AddedBy = context.Author };
        db.ProposalAliases.Add(alias);
        return new LedgerStep<ProposalAlias>(alias, []) { Shown = false };
    }
}
