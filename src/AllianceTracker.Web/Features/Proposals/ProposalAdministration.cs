using System.Security.Claims;
using AllianceTracker.Web.Data;
using AllianceTracker.Web.Domain;
using AllianceTracker.Web.Features.Accounts;
using AllianceTracker.Web.Features.History;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace AllianceTracker.Web.Features.Proposals;

/// <summary>
/// Editors add proposals, correct a proposal's texts and record
/// the summit's decision on it (summits: <c>Features/Summits</c>). A new
/// proposal needs no stances: with no history every member is unknown on it.
/// </summary>
public sealed class ProposalAdministration(
    IDbContextFactory<AllianceDbContext> dbFactory,
    TimeProvider clock,
    HistoryWriter writer,
    HistoryVersions versions,
    IAuthorizationService authorization)
{
    /// <summary>What a proposal's forms say when another editor changed it after the page was read.</summary>
    public const string ChangedMeanwhile = "Another editor changed this proposal (its texts or decisions) after you opened this page, so nothing was saved. What you typed is still here: open the proposal in a new tab to see what is saved now, then reload this page and make your change on it.";

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>Adds a proposal through the history's write path, with its text as tabled as its first revision.</summary>
    public async Task AddProposalAsync(ClaimsPrincipal user, ProposalInput input, CancellationToken cancellationToken = default)
    {
        await authorization.DemandAsync(user, Policies.CanEdit);
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var problems = new FieldProblems();
            problems.Add(ProposalRules.Check(input, Today));
            problems.Add("slug", await db.Proposals.AnyAsync(p => p.Slug == input.Slug, cancellationToken) ? $"A proposal '{input.Slug}' exists already." : null);
            var summitExists = await db.Summits.AnyAsync(s => s.Slug == input.SummitSlug, cancellationToken);
            problems.Add("summit", !summitExists && !string.IsNullOrWhiteSpace(input.SummitSlug) ? $"There is no summit '{input.SummitSlug}'." : null);
            problems.ThrowIfAny();
        }

        try
        {
            await writer.AppendAsync(new HistoryAppend(user.AuthorName(), []) { Proposals = [input] }, cancellationToken);
        }
        catch (HistoryAppendRefusedException ex)
        {
            throw new EditValidationException(ex.Problems.ToDictionary(p => p.Field, p => new[] { p.Message }));
        }
    }

    /// <summary>
    /// Revises the proposal's texts (a correction for every date, or a change from a date) through
    /// the history's write path. <paramref name="expectedVersion"/> is the proposal's version the
    /// editor read; a later one refuses the write (<see cref="VersionConflictException"/>).
    /// </summary>
    public async Task UpdateTextsAsync(ClaimsPrincipal user, string slug, ProposalTextsInput input, Guid? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        await authorization.DemandAsync(user, Policies.CanEdit);
        await writer.ReviseProposalAsync(user.AuthorName(), slug, input, expectedVersion, cancellationToken);
    }

    /// <summary>Records a summit's decision on the proposal through the history's one write path.</summary>
    /// <returns>The decision entry's id.</returns>
    public async Task<long> RecordDecisionAsync(ClaimsPrincipal user, string slug, DecisionInput input, Guid? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        await authorization.DemandAsync(user, Policies.CanEdit);
        return (await writer.RecordDecisionAsync(user.AuthorName(), slug, input, expectedVersion, cancellationToken)).Id;
    }

    /// <summary>Retracts a wrong decision entry, with the reason, through the history's one write path.</summary>
    /// <returns>The retraction's id.</returns>
    public async Task<long> RetractDecisionAsync(ClaimsPrincipal user, string slug, long decisionId, string reason, Guid? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        await authorization.DemandAsync(user, Policies.CanEdit);
        return (await writer.RetractDecisionAsync(user.AuthorName(), slug, decisionId, reason, expectedVersion, cancellationToken)).Id;
    }

    /// <summary>The proposal's version now: what an edit page reads before it writes, and a conflict reports.</summary>
    public Task<Guid> VersionAsync(string slug, CancellationToken cancellationToken = default) => versions.OfProposalAsync(slug, cancellationToken);

    /// <summary>The phrases the news assist reads for the proposal besides its title, oldest first.</summary>
    public async Task<IReadOnlyList<ProposalAlias>> ListAliasesAsync(string slug, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ProposalAliases.AsNoTracking()
            .Where(a => a.Proposal!.Slug == slug && a.RemovedAtUtc == null)
            .OrderBy(a => a.Id)
            .ToListAsync(cancellationToken);
    }

    /// <exception cref="EditValidationException">The phrase is too short, too long, or names the proposal already (key <c>phrase</c>).</exception>
    public async Task<ProposalAlias> AddAliasAsync(ClaimsPrincipal user, string slug, string? phrase, CancellationToken cancellationToken = default)
    {
        await authorization.DemandAsync(user, Policies.CanEdit);
        return await writer.AddAliasAsync(user.AuthorName(), slug, phrase, cancellationToken);
    }

    /// <summary>Takes an alias off the list; the row keeps who removed it and when.</summary>
    /// <exception cref="EditValidationException">The proposal has no such alias in use (key <c>alias</c>).</exception>
    public async Task RemoveAliasAsync(ClaimsPrincipal user, string slug, long aliasId, CancellationToken cancellationToken = default)
    {
        await authorization.DemandAsync(user, Policies.CanEdit);
        await writer.RemoveAliasAsync(user.AuthorName(), slug, aliasId, cancellationToken);
    }
}
