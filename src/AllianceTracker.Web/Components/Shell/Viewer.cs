using System.Security.Claims;
using AllianceTracker.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;

namespace AllianceTracker.Web.Components.Shell;

/// <summary>
/// Who is looking, as the shell needs it: decided once per request from the signed-in user with
/// the app's policies, and cascaded, instead of an AuthorizeView per link in the header.
/// What it shows is a courtesy; every page and write checks on the server.
/// </summary>
/// <param name="SignedInAs">The signed-in user's own account name; null for an anonymous reader.</param>
/// <param name="CanEdit">Editor or Admin (<see cref="Policies.CanEdit"/>).</param>
/// <param name="CanAdminister">Admin (<see cref="Policies.CanAdminister"/>).</param>
public sealed record Viewer(string? SignedInAs, bool CanEdit, bool CanAdminister)
{
    /// <summary>
    /// The name the header shows: the account's public display name, as readers see it on what
    /// the editor writes — not the login, which is half a sign-in secret on a shared screen.
    /// </summary>
    public string? DisplayName { get; init; }

    public static Viewer Anonymous { get; } = new(null, false, false);

    public static async Task<Viewer> OfAsync(ClaimsPrincipal user, IAuthorizationService authorization) =>
        user.Identity?.IsAuthenticated != true
            ? Anonymous
            : new Viewer(
                user.Identity.Name,
                (await authorization.AuthorizeAsync(user, Policies.CanEdit)).Succeeded,
                (await authorization.AuthorizeAsync(user, Policies.CanAdminister)).Succeeded)
            {
                DisplayName = user.FindFirst(Features.History.AuthorDirectory.DisplayNameClaim)?.Value,
            };
}
