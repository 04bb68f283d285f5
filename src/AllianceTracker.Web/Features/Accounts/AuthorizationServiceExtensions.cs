using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace AllianceTracker.Web.Features.Accounts;

public static class AuthorizationServiceExtensions
{
    /// <summary>Throws <see cref="AccessDeniedException"/> unless <paramref name="user"/> satisfies <paramref name="policy"/>.</summary>
    public static async Task DemandAsync(this IAuthorizationService authorization, ClaimsPrincipal user, string policy)
    {
        var result = await authorization.AuthorizeAsync(user, policy);
        if (!result.Succeeded)
        {
            throw new AccessDeniedException(user.Identity?.IsAuthenticated == true
                ? "Your account does not have the role this needs."
                : "Sign in first.");
        }
    }

    /// <summary>The name the history records as the author of a change.</summary>
    public static string AuthorName(this ClaimsPrincipal user) =>
        user.Identity?.Name ?? throw new AccessDeniedException("Sign in first.");
}
