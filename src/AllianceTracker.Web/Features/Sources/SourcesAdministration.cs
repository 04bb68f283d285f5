using System.Security.Claims;
using AllianceTracker.Web.Domain;
using AllianceTracker.Web.Features.Accounts;
using AllianceTracker.Web.Features.History;
using Microsoft.AspNetCore.Authorization;

namespace AllianceTracker.Web.Features.Sources;

/// <summary>Editors add and correct sources; the role is checked here, on the server, for every caller.</summary>
public sealed class SourcesAdministration(HistoryWriter writer, IAuthorizationService authorization)
{
    public async Task<string> AddAsync(ClaimsPrincipal user, SourceInput input, CancellationToken cancellationToken = default)
    {
        await authorization.DemandAsync(user, Policies.CanEdit);
        return (await writer.AddSourceAsync(user.AuthorName(), input, cancellationToken)).Key;
    }

    /// <summary>Corrects a source; <paramref name="expectedVersion"/> is its version the editor read, and a later one refuses the correction (<see cref="VersionConflictException"/>).</summary>
    public async Task CorrectAsync(ClaimsPrincipal user, string key, SourceInput input, string reason, Guid? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        await authorization.DemandAsync(user, Policies.CanEdit);
        await writer.CorrectSourceAsync(user.AuthorName(), key, input, reason, expectedVersion, cancellationToken);
    }
}
