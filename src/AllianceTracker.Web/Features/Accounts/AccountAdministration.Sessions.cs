using System.Security.Claims;
using Microsoft.AspNetCore.Identity;

namespace AllianceTracker.Web.Features.Accounts;

/// <summary>
/// Taking access away. Every change here rotates the account's security stamp: each cookie and
/// each open editor carries the stamp it was signed in with, and is refused at its next check
/// (at most <c>Access:SessionCheckInterval</c> later) once the stamp has moved on.
/// </summary>
public sealed partial class AccountAdministration
{
    /// <summary>A disabled account is locked out until the end of time: Identity's own refusal, never lifted by waiting.</summary>
    private static readonly DateTimeOffset DisabledUntil = DateTimeOffset.MaxValue;

    /// <summary>The role words of <c>users set-role</c>: <c>None</c> makes the account a signed-in reader.</summary>
    public const string NoRole = "None";

    public static bool IsDisabled(IdentityUser user) => user.LockoutEnd is { } end && end.Year > 9000;

    /// <summary>
    /// Disables (or enables again) an account; disabling also ends every session it has. One
    /// transaction with the new stamp (ChangeAccountAsync); and a cookie or circuit of a disabled
    /// account is refused at its next check whatever its stamp (AccountStateValidator).
    /// </summary>
    public Task<AccountResult> SetDisabledAsync(ClaimsPrincipal caller, string userId, bool disabled) =>
        ChangeAccountAsync(caller, userId, async (users, user) =>
        {
            if (disabled && user.UserName == caller.Identity?.Name)
            {
                return AccountResult.Failed("You cannot disable your own account; ask another admin.");
            }

            await users.SetLockoutEnabledAsync(user, true);
            var set = await users.SetLockoutEndDateAsync(user, disabled ? DisabledUntil : null);
            if (!set.Succeeded)
            {
                return AccountResult.From(set);
            }

            await users.ResetAccessFailedCountAsync(user);
            return await RevokeSessionsOfAsync(users, user);
        });

    /// <summary>Signs an account out everywhere (every browser, every open editor) without changing what it may do.</summary>
    public Task<AccountResult> RevokeSessionsAsync(ClaimsPrincipal caller, string userId) =>
        ChangeAccountAsync(caller, userId, RevokeSessionsOfAsync);

    /// <summary>
    /// Gives an account exactly one role (or <see cref="NoRole"/>), for <c>users set-role</c>:
    /// one word from the operator instead of a checkbox per role.
    /// </summary>
    public async Task<AccountResult> SetOnlyRoleAsync(ClaimsPrincipal caller, string email, string role)
    {
        await authorization.DemandAsync(caller, Policies.CanAdminister);
        if (role != NoRole && !Roles.All.Contains(role))
        {
            return AccountResult.Failed($"Unknown role '{role}'; use {NoRole}, {string.Join(" or ", Roles.All)}.");
        }

        var id = await FindIdByEmailAsync(email);
        if (id is null)
        {
            return AccountResult.Failed($"No account has the email {email}.");
        }

        // Every role at once, with one new stamp: one transaction (ChangeAccountAsync).
        return await ChangeAccountAsync(caller, id, async (users, user) =>
        {
            if (role != Roles.Admin && await users.IsInRoleAsync(user, Roles.Admin) && user.UserName == caller.Identity?.Name)
            {
                return AccountResult.Failed("You cannot remove your own admin role; ask another admin.");
            }

            var current = await users.GetRolesAsync(user);
            var remove = current.Where(r => Roles.All.Contains(r) && r != role).ToList();
            var add = role != NoRole && !current.Contains(role) ? [role] : new List<string>();
            if (remove.Count == 0 && add.Count == 0)
            {
                return AccountResult.Ok;
            }

            var removed = remove.Count > 0 ? await users.RemoveFromRolesAsync(user, remove) : IdentityResult.Success;
            var added = removed.Succeeded && add.Count > 0 ? await users.AddToRolesAsync(user, add) : removed;
            return added.Succeeded ? await RevokeSessionsOfAsync(users, user) : AccountResult.From(added);
        });
    }

    /// <summary>The account id behind a sign-in email, for the command line; null when there is none.</summary>
    public async Task<string?> FindIdByEmailAsync(string email)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        return (await users.FindByEmailAsync(email.Trim()))?.Id;
    }

    private static async Task<AccountResult> RevokeSessionsOfAsync(UserManager<IdentityUser> users, IdentityUser user) =>
        AccountResult.From(await users.UpdateSecurityStampAsync(user));
}
