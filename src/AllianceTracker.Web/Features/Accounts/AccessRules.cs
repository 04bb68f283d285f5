using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace AllianceTracker.Web.Features.Accounts;

public static class Roles
{
    public const string Editor = "Editor";
    public const string Admin = "Admin";

    public static IReadOnlyList<string> All { get; } = [Editor, Admin];
}

public static class Policies
{
    /// <summary>Change stances, sources, summits and proposals; read the audit trail. Editors and admins.</summary>
    public const string CanEdit = "CanEdit";

    /// <summary>Manage accounts and roles. Admins only.</summary>
    public const string CanAdminister = "CanAdminister";

    public static void Add(AuthorizationOptions options)
    {
        // A password someone else chose (an admin, the command line) is changed before any edit.
        options.AddPolicy(CanEdit, policy => policy.RequireRole(Roles.Editor, Roles.Admin).RequireAssertion(context => !SignInGuard.MustChangePassword(context.User)));
        options.AddPolicy(CanAdminister, policy => policy.RequireRole(Roles.Admin).RequireAssertion(context => !SignInGuard.MustChangePassword(context.User)));
    }
}

/// <summary>The caller was not allowed to do what they asked; checked on the server in every handler.</summary>
public sealed class AccessDeniedException(string message) : Exception(message);

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
