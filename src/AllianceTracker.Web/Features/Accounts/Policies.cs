using Microsoft.AspNetCore.Authorization;

namespace AllianceTracker.Web.Features.Accounts;

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
