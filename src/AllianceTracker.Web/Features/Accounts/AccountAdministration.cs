using System.Security.Claims;
using System.Security.Cryptography;
using AllianceTracker.Web.Domain;
using AllianceTracker.Web.Features.History;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace AllianceTracker.Web.Features.Accounts;

/// <summary>
/// Accounts and roles. A singleton that opens one service scope per operation, so no Identity
/// store (and its DbContext) lives as long as a circuit. Every operation a user triggers checks
/// the caller is an admin here, on the server.
/// </summary>
public sealed partial class AccountAdministration(IServiceScopeFactory scopes, IAuthorizationService authorization, AuthorDirectory authors, IStanceChangeNotifier notifier, SignInGuard guard)
{
    public const string DemoEditorEmail = "demo-editor@alliancetracker.local";

    public const int MaxDisplayNameLength = 60;

    private static readonly TextField DisplayName = new("display name", MaxDisplayNameLength, MultiLine: false);

    /// <summary>The display name as stored: cleaned by the text policy (trimmed, NFC).</summary>
    private static string PublicName(string? displayName) => TextPolicy.Clean(displayName) ?? "";

    /// <summary>
    /// A display name is what readers see beside every change: required, short, not an address (a
    /// login must not be published by mistake) and not another account's.
    /// </summary>
    private static async Task<string?> CheckDisplayNameAsync(UserManager<IdentityUser> users, string? displayName, string? exceptUserId)
    {
        var name = PublicName(displayName);
        if (name.Length == 0)
        {
            return "Give the name readers will see beside this account's changes, e.g. \"Desk editor, Brussels\".";
        }

        // The text policy, with the display name's own length; and no '@', so a login is never published by mistake.
        if (TextPolicy.Check(name, DisplayName) is { } text)
        {
            return $"The display name: {text}";
        }

        if (name.Contains('@'))
        {
            return "A display name cannot contain '@': it is public, and must not be a login.";
        }

        var taken = await users.GetUsersForClaimAsync(new Claim(AuthorDirectory.DisplayNameClaim, name));
        return taken.Any(u => u.Id != exceptUserId) ? $"Another account is already called \"{name}\"." : null;
    }

    /// <summary>
    /// An admin's change to one account: checks the caller is an admin, finds the account, and runs
    /// <paramref name="change"/> on it with its own short-lived Identity store.
    /// </summary>
    /// <remarks>
    /// All or nothing: the change and the new security stamp that goes with it are one transaction,
    /// so an account is never left disabled (or without a role) while its cookies still carry the old
    /// stamp. A busy database is waited for and the whole change tried again a few times; if it still
    /// fails, nothing changed and the caller is told (the exception passes).
    /// </remarks>
    private async Task<AccountResult> ChangeAccountAsync(ClaimsPrincipal caller, string userId, Func<UserManager<IdentityUser>, IdentityUser, Task<AccountResult>> change, bool shownToReaders = false)
    {
        await authorization.DemandAsync(caller, Policies.CanAdminister);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
                var db = scope.ServiceProvider.GetRequiredService<Data.AllianceDbContext>();
                await using var transaction = await db.Database.BeginTransactionAsync();
                if (await users.FindByIdAsync(userId) is not { } user)
                {
                    return AccountResult.Failed("That account no longer exists.");
                }

                var result = await change(users, user);
                if (result.Succeeded)
                {
                    await transaction.CommitAsync();
                    if (shownToReaders)
                    {
                        // Committed, then announced (never from inside the transaction: the notice
                        // is numbered in a write of its own). Cached pages and open editors read again.
                        await notifier.PublishAsync(new StanceChangeNotice([]));
                    }
                }

                return result;
            }
            catch (Exception ex) when (attempt < ChangeAttempts && Data.DatabaseFaults.IsUnavailable(ex))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250 * attempt));
            }
        }
    }

    /// <summary>How often an account change is tried on a busy database before the caller hears it failed.</summary>
    private const int ChangeAttempts = 4;

    public async Task EnsureRolesAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }

    /// <summary>Creates an account; for trusted callers (the command line, start-up), not for the UI.</summary>
    public async Task<AccountResult> CreateTrustedAsync(string email, string displayName, string password, string role)
    {
        if (!Roles.All.Contains(role))
        {
            return AccountResult.Failed($"Unknown role '{role}'; use {string.Join(" or ", Roles.All)}.");
        }

        await EnsureRolesAsync();
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        if (await CheckDisplayNameAsync(users, displayName, exceptUserId: null) is { } badName)
        {
            return AccountResult.Failed(badName);
        }

        var user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return AccountResult.From(created);
        }

        await users.AddClaimAsync(user, new Claim(AuthorDirectory.DisplayNameClaim, PublicName(displayName)));
        authors.Forget();
        return AccountResult.From(await users.AddToRoleAsync(user, role));
    }

    public async Task<AccountResult> CreateAsync(ClaimsPrincipal caller, string email, string displayName, string password, string role)
    {
        await authorization.DemandAsync(caller, Policies.CanAdminister);
        return await CreateTrustedAsync(email, displayName, password, role);
    }

    /// <summary>Renames an account for readers. Every page, feed and export shows the new name from now on.</summary>
    public Task<AccountResult> SetDisplayNameAsync(ClaimsPrincipal caller, string userId, string displayName) =>
        ChangeAccountAsync(caller, userId, async (users, user) =>
        {
            if (await CheckDisplayNameAsync(users, displayName, user.Id) is { } badName)
            {
                return AccountResult.Failed(badName);
            }

            var name = new Claim(AuthorDirectory.DisplayNameClaim, PublicName(displayName));
            var old = (await users.GetClaimsAsync(user)).FirstOrDefault(c => c.Type == AuthorDirectory.DisplayNameClaim);
            var result = old is null ? await users.AddClaimAsync(user, name) : await users.ReplaceClaimAsync(user, old, name);
            authors.Forget();
            return AccountResult.From(result);
        }, shownToReaders: true);

    public async Task<IReadOnlyList<AccountSummary>> ListAsync(ClaimsPrincipal caller)
    {
        await authorization.DemandAsync(caller, Policies.CanAdminister);
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var summaries = new List<AccountSummary>();
        foreach (var user in users.Users.OrderBy(u => u.Email).ToList())
        {
            summaries.Add(new AccountSummary(
                user.Id, user.Email ?? user.UserName ?? user.Id,
                (await users.GetClaimsAsync(user)).FirstOrDefault(c => c.Type == AuthorDirectory.DisplayNameClaim)?.Value,
                [.. await users.GetRolesAsync(user)], await users.IsLockedOutAsync(user), IsDisabled(user)));
        }

        return summaries;
    }

    public async Task<AccountResult> SetRoleAsync(ClaimsPrincipal caller, string userId, string role, bool member)
    {
        if (!Roles.All.Contains(role))
        {
            await authorization.DemandAsync(caller, Policies.CanAdminister);
            return AccountResult.Failed($"Unknown role '{role}'.");
        }

        return await ChangeAccountAsync(caller, userId, async (users, user) =>
        {
            if (!member && role == Roles.Admin && user.UserName == caller.Identity?.Name)
            {
                return AccountResult.Failed("You cannot remove your own admin role; ask another admin.");
            }

            if (await users.IsInRoleAsync(user, role) == member)
            {
                return AccountResult.Ok;
            }

            var changed = member ? await users.AddToRoleAsync(user, role) : await users.RemoveFromRoleAsync(user, role);
            return changed.Succeeded ? await RevokeSessionsOfAsync(users, user) : AccountResult.From(changed);
        });
    }

    public Task<AccountResult> UnlockAsync(ClaimsPrincipal caller, string userId) =>
        ChangeAccountAsync(caller, userId, async (users, user) =>
        {
            if (IsDisabled(user))
            {
                return AccountResult.Failed("That account is disabled, not locked out: enable it instead.");
            }

            await users.SetLockoutEndDateAsync(user, null);
            return AccountResult.From(await users.ResetAccessFailedCountAsync(user));
        });

    /// <summary>
    /// Development only: creates the demo editor once and returns its random password (null when
    /// it already exists). The caller prints it to the console, never to a log.
    /// </summary>
    public async Task<string?> CreateDemoEditorAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        if (await users.FindByEmailAsync(DemoEditorEmail) is not null)
        {
            return null;
        }

        var password = GeneratePassword();
        var result = await CreateTrustedAsync(DemoEditorEmail, "Demo editor", password, Roles.Editor);
        return result.Succeeded ? password : throw new InvalidOperationException(string.Join(" ", result.Errors));
    }

    public static string GeneratePassword() =>
        // Upper, lower, digit and symbol guaranteed; 18 random characters from a CSPRNG.
        "Aa1!" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', 'x').Replace('/', 'y');
}
