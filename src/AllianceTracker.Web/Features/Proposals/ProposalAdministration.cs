using System.Security.Claims;
using AllianceTracker.Web.Data;
using AllianceTracker.Web.Domain;
using AllianceTracker.Web.Features.Accounts;
using AllianceTracker.Web.Features.Stances;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace AllianceTracker.Web.Features.Proposals;

public sealed record SummitInput(string Slug, string Name, string City, DateOnly StartsOn, DateOnly EndsOn);

public sealed record ProposalInput(string Slug, string SummitSlug, string Title, string Description, string Proposer, DateOnly TabledOn);

public sealed record ProposalTextsInput(string Title, string Description, string Proposer);

public sealed record OutcomeInput(ProposalOutcome Outcome, DateOnly DecidedOn, string SourceKey);

/// <summary>
/// Editors add summits and proposals, correct a proposal's texts and record its outcome. A new
/// proposal needs no stances: with no history every member is unknown on it.
/// </summary>
public sealed class ProposalAdministration(
    IDbContextFactory<AllianceDbContext> dbFactory,
    TimeProvider clock,
    IStanceChangeNotifier notifier,
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
        var errors = new EditErrors();
        errors.Add("slug", CheckSlug(input.Slug));
        errors.Add("slug", await db.Summits.AnyAsync(s => s.Slug == input.Slug, cancellationToken) ? $"A summit '{input.Slug}' exists already." : null);
        errors.Add("name", string.IsNullOrWhiteSpace(input.Name) ? "Give the summit's name." : null);
        errors.Add("city", string.IsNullOrWhiteSpace(input.City) ? "Give the host city." : null);
        errors.Add("endsOn", input.EndsOn < input.StartsOn ? "The summit cannot end before it starts." : null);
        errors.ThrowIfAny();

        db.Summits.Add(new Summit { Slug = input.Slug, Name = input.Name.Trim(), City = input.City.Trim(), StartsOn = input.StartsOn, EndsOn = input.EndsOn });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task AddProposalAsync(ClaimsPrincipal user, ProposalInput input, CancellationToken cancellationToken = default)
    {
        await authorization.DemandAsync(user, Policies.CanEdit);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var errors = new EditErrors();
        errors.Add("slug", CheckSlug(input.Slug));
        errors.Add("slug", await db.Proposals.AnyAsync(p => p.Slug == input.Slug, cancellationToken) ? $"A proposal '{input.Slug}' exists already." : null);
        var summitId = await db.Summits.Where(s => s.Slug == input.SummitSlug).Select(s => (int?)s.Id).SingleOrDefaultAsync(cancellationToken);
        errors.Add("summit", summitId is null ? $"There is no summit '{input.SummitSlug}'." : null);
        CheckTexts(errors, new ProposalTextsInput(input.Title, input.Description, input.Proposer));
        errors.Add("tabledOn", input.TabledOn > Today ? "The proposal cannot be tabled in the future." : null);
        errors.ThrowIfAny();

        db.Proposals.Add(new Proposal
        {
            Slug = input.Slug,
            SummitId = summitId!.Value,
            Title = input.Title.Trim(),
            Description = input.Description.Trim(),
            Proposer = input.Proposer.Trim(),
            TabledOn = input.TabledOn,
        });
        await db.SaveChangesAsync(cancellationToken);
        await notifier.PublishAsync(new StanceChangeNotice([], Origin: user.AuthorName()));
    }

    public async Task UpdateTextsAsync(ClaimsPrincipal user, string slug, ProposalTextsInput input, CancellationToken cancellationToken = default)
    {
        await authorization.DemandAsync(user, Policies.CanEdit);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var proposal = await db.Proposals.SingleOrDefaultAsync(p => p.Slug == slug, cancellationToken);
        var errors = new EditErrors();
        errors.Add("proposal", proposal is null ? $"There is no proposal '{slug}'." : null);
        CheckTexts(errors, input);
        errors.ThrowIfAny();

        proposal!.Title = input.Title.Trim();
        proposal.Description = input.Description.Trim();
        proposal.Proposer = input.Proposer.Trim();
        await db.SaveChangesAsync(cancellationToken);
        await notifier.PublishAsync(new StanceChangeNotice([], Origin: user.AuthorName()));
    }

    public async Task RecordOutcomeAsync(ClaimsPrincipal user, string slug, OutcomeInput input, CancellationToken cancellationToken = default)
    {
        await authorization.DemandAsync(user, Policies.CanEdit);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var proposalId = await db.Proposals.Where(p => p.Slug == slug).Select(p => (int?)p.Id).SingleOrDefaultAsync(cancellationToken);
        var sourceId = await db.Sources.Where(s => s.Key == input.SourceKey).Select(s => (int?)s.Id).SingleOrDefaultAsync(cancellationToken);
        var errors = new EditErrors();
        errors.Add("proposal", proposalId is null ? $"There is no proposal '{slug}'." : null);
        errors.Add("source", sourceId is null ? "Pick the source that reports the outcome." : null);
        errors.Add("decidedOn", input.DecidedOn > Today ? "The outcome cannot be decided in the future." : null);
        errors.ThrowIfAny();

        db.ProposalOutcomes.Add(new ProposalOutcomeRecord
        {
            ProposalId = proposalId!.Value,
            Outcome = input.Outcome,
            DecidedOn = input.DecidedOn,
            SourceId = sourceId!.Value,
            RecordedAtUtc = clock.GetUtcNow().UtcDateTime,
            RecordedBy = user.AuthorName(),
        });
        await db.SaveChangesAsync(cancellationToken);
        await notifier.PublishAsync(new StanceChangeNotice([], Origin: user.AuthorName()));
    }

    private static void CheckTexts(EditErrors errors, ProposalTextsInput input)
    {
        errors.Add("title", string.IsNullOrWhiteSpace(input.Title) ? "Give the proposal a title." : null);
        errors.Add("description", string.IsNullOrWhiteSpace(input.Description) ? "Describe the proposal in a sentence or two." : null);
        errors.Add("proposer", string.IsNullOrWhiteSpace(input.Proposer) ? "Say who proposed it." : null);
    }

    private static string? CheckSlug(string slug) =>
        CodePatterns.IsSlug(slug) ? null : "Use lower-case words joined by hyphens, e.g. defence-spending-2pc.";
}
