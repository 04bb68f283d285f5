using System.Security.Claims;
using AllianceTracker.Web.Data;
using AllianceTracker.Web.Domain;
using AllianceTracker.Web.Features.Accounts;
using AllianceTracker.Web.Features.History;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace AllianceTracker.Web.Features.Proposals;

/// <summary>
/// Editors add summits and proposals, correct a proposal's texts and record
/// the summit's decision on it. A new
/// proposal needs no stances: with no history every member is unknown on it.
/// </summary>
public sealed class ProposalAdministration(
    IDbContextFactory<AllianceDbContext> dbFactory,
    TimeProvider clock,
    IStanceChangeNotifier notifier,
    HistoryWriter writer,
    IAuthorizationService authorization)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<IReadOnlyList<(string Slug, string Name)>> ListSummitsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return (await db.Summits.AsNoTracking().OrderByDescending(s => s.StartsOn).Select(s => new { s.Slug, s.Name }).ToListAsync(cancellationToken))
            .Select(s => (s.Slug, s.Name)).ToList();
    }

    public async Task AddSummitAsync(ClaimsPrincipal user, SummitInput input, CancellationToken cancellationToken = default)
    {
        await authorization.DemandAsync(user, Policies.CanEdit);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var problems = new FieldProblems();
        problems.Add(SummitRules.Check(input));
        problems.Add("slug", await db.Summits.AnyAsync(s => s.Slug == input.Slug, cancellationToken) ? $"A summit '{input.Slug}' exists already." : null);
        problems.ThrowIfAny();

        db.Summits.Add(input.ToSummit());
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task AddProposalAsync(ClaimsPrincipal user, ProposalInput input, CancellationToken cancellationToken = default)
    {
        await authorization.DemandAsync(user, Policies.CanEdit);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var problems = new FieldProblems();
        problems.Add(ProposalRules.Check(input, Today));
        problems.Add("slug", await db.Proposals.AnyAsync(p => p.Slug == input.Slug, cancellationToken) ? $"A proposal '{input.Slug}' exists already." : null);
        var summit = await db.Summits.SingleOrDefaultAsync(s => s.Slug == input.SummitSlug, cancellationToken);
        problems.Add("summit", summit is null && !string.IsNullOrWhiteSpace(input.SummitSlug) ? $"There is no summit '{input.SummitSlug}'." : null);
        problems.ThrowIfAny();

        db.Proposals.Add(input.ToProposal(summit!));
        await db.SaveChangesAsync(cancellationToken);
        await notifier.PublishAsync(new StanceChangeNotice([], Origin: user.AuthorName()));
    }

    public async Task UpdateTextsAsync(ClaimsPrincipal user, string slug, ProposalTextsInput input, CancellationToken cancellationToken = default)
    {
        await authorization.DemandAsync(user, Policies.CanEdit);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var proposal = await db.Proposals.SingleOrDefaultAsync(p => p.Slug == slug, cancellationToken);
        var problems = new FieldProblems();
        problems.Add("proposal", proposal is null ? $"There is no proposal '{slug}'." : null);
        problems.Add(ProposalRules.CheckTexts(input));
        problems.ThrowIfAny();

        proposal!.Title = input.Title.Trim();
        proposal.Description = input.Description.Trim();
        proposal.Proposer = input.Proposer.Trim();
        await db.SaveChangesAsync(cancellationToken);
        await notifier.PublishAsync(new StanceChangeNotice([], Origin: user.AuthorName()));
    }

    /// <summary>Records a summit's decision on the proposal through the history's one write path.</summary>
    /// <returns>The decision entry's id.</returns>
    public async Task<long> RecordDecisionAsync(ClaimsPrincipal user, string slug, DecisionInput input, CancellationToken cancellationToken = default)
    {
        await authorization.DemandAsync(user, Policies.CanEdit);
        return (await writer.RecordDecisionAsync(user.AuthorName(), slug, input, cancellationToken)).Id;
    }

    /// <summary>Retracts a wrong decision entry, with the reason, through the history's one write path.</summary>
    /// <returns>The retraction's id.</returns>
    public async Task<long> RetractDecisionAsync(ClaimsPrincipal user, string slug, long decisionId, string reason, CancellationToken cancellationToken = default)
    {
        await authorization.DemandAsync(user, Policies.CanEdit);
        return (await writer.RetractDecisionAsync(user.AuthorName(), slug, decisionId, reason, cancellationToken)).Id;
    }
}
