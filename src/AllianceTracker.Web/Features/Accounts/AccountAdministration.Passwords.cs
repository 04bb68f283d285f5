using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace AllianceTracker.Web.Features.Accounts;

/// <summary>
/// Passwords that only their owner knows: everyone can change theirs; an admin never sees or sets
/// one, but issues a one-time link (valid a day, void once used or once the account's stamp moves
/// on) with which the owner chooses it.
/// </summary>
public sealed partial class AccountAdministration
{
    public const string SetPasswordPath = "/account/set-password";

    private const string InvalidLink = "This password link is not valid any more (it was used, it expired after a day, or a newer one was issued). Ask an admin for a new one.";

    /// <summary>Creates an account with a password nobody knows and returns the one-time link its owner uses to choose one.</summary>
    public async Task<(AccountResult Result, string? Link)> CreateWithPasswordLinkAsync(ClaimsPrincipal caller, string email, string displayName, string role)
    {
        await authorization.DemandAsync(caller, Policies.CanAdminister);
        var created = await CreateTrustedAsync(email, displayName, GeneratePassword(), role);
        return created.Succeeded ? (created, await IssuePasswordLinkTrustedAsync(email)) : (created, null);
    }

    /// <summary>A one-time link for the account's owner to choose a new password; the old one keeps working until they do.</summary>
    public async Task<string?> IssuePasswordLinkAsync(ClaimsPrincipal caller, string userId)
    {
        await authorization.DemandAsync(caller, Policies.CanAdminister);
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        return await users.FindByIdAsync(userId) is { Email: { } email } ? await IssuePasswordLinkTrustedAsync(email) : null;
    }

    /// <summary>For the command line: the link as a path, to be put after the site's address.</summary>
    public async Task<string?> IssuePasswordLinkTrustedAsync(string email)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        if (await users.FindByEmailAsync(email.Trim()) is not { } user)
        {
            return null;
        }

        // Each link names itself; issuing a new one replaces the name on the account, so every older
        // link is void from then on (without ending the account's sessions, as a new stamp would).
        var linkId = WebEncoders.Base64UrlEncode(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12));
        foreach (var old in (await users.GetClaimsAsync(user)).Where(c => c.Type == PasswordLinkClaim))
        {
            await users.RemoveClaimAsync(user, old);
        }

        await users.AddClaimAsync(user, new Claim(PasswordLinkClaim, linkId));
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(user)));
        return $"{SetPasswordPath}?email={Uri.EscapeDataString(user.Email!)}&code={code}.{linkId}";
    }

    /// <summary>The name of the one password link that may still be used for an account.</summary>
    private const string PasswordLinkClaim = "alliance:password-link";

    /// <summary>Sets the password chosen with a link. Every refusal of the link itself reads the same, whether or not the account exists.</summary>
    public async Task<AccountResult> SetPasswordWithLinkAsync(string email, string code, string password)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var user = await users.FindByEmailAsync(email.Trim());
        string token;
        var parts = code.Split('.');
        try
        {
            token = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(parts[0]));
        }
        catch (FormatException)
        {
            return AccountResult.Failed(InvalidLink);
        }

        if (user is null || IsDisabled(user) || parts.Length != 2
            || !(await users.GetClaimsAsync(user)).Any(c => c.Type == PasswordLinkClaim && c.Value == parts[1]))
        {
            return AccountResult.Failed(InvalidLink);
        }

        var reset = await users.ResetPasswordAsync(user, token, password);
        if (!reset.Succeeded)
        {
            return reset.Errors.Any(e => e.Code == "InvalidToken") ? AccountResult.Failed(InvalidLink) : AccountResult.From(reset);
        }

        foreach (var used in (await users.GetClaimsAsync(user)).Where(c => c.Type == PasswordLinkClaim))
        {
            await users.RemoveClaimAsync(user, used);
        }

        await ClearMustChangeAsync(users, user);
        return AccountResult.Ok;
    }

    /// <summary>
    /// The signed-in user changes their own password; their other sessions end (a new stamp). Wrong
    /// current passwords count like failed sign-ins (per account and client address, SignInGuard):
    /// a stolen session must not become a way to guess the password and take the account.
    /// </summary>
    public async Task<AccountResult> ChangeOwnPasswordAsync(ClaimsPrincipal caller, string currentPassword, string newPassword, string? clientAddress)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        if (await users.GetUserAsync(caller) is not { } user)
        {
            throw new AccessDeniedException("Sign in first.");
        }

        var email = user.Email ?? user.UserName ?? user.Id;
        if (!guard.MayTryPassword(email, clientAddress))
        {
            return AccountResult.Failed($"Too many wrong passwords for this account from your address. Wait {SignInGuard.Window.TotalMinutes:0} minutes, or ask an admin for a password link.");
        }

        // The current password first, whatever else is wrong: every wrong one counts, and gets one answer.
        if (!await users.CheckPasswordAsync(user, currentPassword))
        {
            guard.CountWrongPassword(email, clientAddress);
            return AccountResult.Failed(WrongCurrentPassword);
        }

        guard.ForgetWrongPasswords(email, clientAddress);
        if (currentPassword == newPassword)
        {
            return AccountResult.Failed("Choose a password different from the current one.");
        }

        var changed = await users.ChangePasswordAsync(user, currentPassword, newPassword);
        if (!changed.Succeeded)
        {
            return changed.Errors.Any(e => e.Code == "PasswordMismatch") ? AccountResult.Failed(WrongCurrentPassword) : AccountResult.From(changed);
        }

        await ClearMustChangeAsync(users, user);
        return AccountResult.Ok;
    }

    private const string WrongCurrentPassword = "The current password is not right.";

    /// <summary>Marks an account whose password someone else chose (the command line's <c>--must-change-password</c>): it edits nothing until it changes it.</summary>
    public async Task RequirePasswordChangeAsync(string email)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        if (await users.FindByEmailAsync(email.Trim()) is { } user && !(await users.GetClaimsAsync(user)).Any(c => c.Type == SignInGuard.MustChangePasswordClaim))
        {
            await users.AddClaimAsync(user, new Claim(SignInGuard.MustChangePasswordClaim, "true"));
        }
    }

    private static async Task ClearMustChangeAsync(UserManager<IdentityUser> users, IdentityUser user)
    {
        foreach (var claim in (await users.GetClaimsAsync(user)).Where(c => c.Type == SignInGuard.MustChangePasswordClaim))
        {
            await users.RemoveClaimAsync(user, claim);
        }
    }
}
