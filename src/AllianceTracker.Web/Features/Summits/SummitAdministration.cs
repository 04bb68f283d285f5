using System.Security.Claims;
using AllianceTracker.Web.Data;
using AllianceTracker.Web.Domain;
using AllianceTracker.Web.Features.Accounts;
using AllianceTracker.Web.Features.History;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace AllianceTracker.Web.Features.Summits;

/// <summary>Editors add summits (through the history's ledger); the proposal forms list them.</summary>
public sealed class SummitAdministration(IDbContextFactory<AllianceDbContext> dbFactory, HistoryWriter writer, IAuthorizationService authorization)
{
    /// <summary>Every summit, latest first.</summary>
    public async Task<IReadOnlyList<(string Slug, string Name)>> ListSummitsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return (await db.Summits.AsNoTracking().OrderByDescending(s => s.StartsOn).Select(s => new { s.Slug, s.Name }).ToListAsync(cancellationToken))
            .Select(s => (s.Slug, s.Name)).ToList();
    }

    public async Task AddSummitAsync(ClaimsPrincipal user, SummitInput input, CancellationToken cancellationToken = default)
    {
        await authorization.DemandAsync(user, Policies.CanEdit);
        await writer.AddSummitAsync(user.AuthorName(), input, cancellationToken);
    }
}
