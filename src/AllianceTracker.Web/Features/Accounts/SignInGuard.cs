using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace AllianceTracker.Web.Features.Accounts;

/// <summary>
/// Password sign-in that tells an attacker nothing and cannot be used to lock an editor out:
/// unknown, disabled and locked accounts take the same answer and the same time as a wrong password
/// (a password hash is checked either way), and failures are counted per email and client address,
/// so guessing from one address is slowed while the editor signs in from theirs. The client address
/// is the proxy's X-Forwarded-For when the proxy is configured (TransportSetup).
/// </summary>
public sealed class SignInGuard(TimeProvider clock, Microsoft.Extensions.Options.IOptions<PasswordHasherOptions> hashing)
{
    // The app's own hasher settings, so the stand-in check costs what a real one does.
    private readonly PasswordHasher<IdentityUser> _hasher = new(hashing);

    public const int MaxFailures = 5;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    /// <summary>A claim on an account whose password someone else chose: it may read, not edit, until it changes it.</summary>
    public const string MustChangePasswordClaim = "alliance:must-change-password";

    private readonly ConcurrentDictionary<string, Failures> _failures = new();
    private readonly IdentityUser _nobody = new() { UserName = "nobody" };
    private string? _nobodysHash;

    private sealed record Failures(int Count, DateTimeOffset Since);

    public async Task<SignInOutcome> SignInAsync(SignInManager<IdentityUser> signIn, string email, string password, string? clientAddress)
    {
        var key = KeyOf(email, clientAddress);
        var now = clock.GetUtcNow();
        if (IsThrottled(key, now))
        {
            return SignInOutcome.Throttled;
        }

        var user = await signIn.UserManager.FindByEmailAsync(email.Trim());
        var usable = user is not null && !AccountAdministration.IsDisabled(user) && !await signIn.UserManager.IsLockedOutAsync(user);
        bool passwordMatches;
        if (usable)
        {
            passwordMatches = (await signIn.CheckPasswordSignInAsync(user!, password, lockoutOnFailure: false)).Succeeded;
        }
        else
        {
            // The same work as checking a real password, so the answer's timing says nothing.
            _nobodysHash ??= _hasher.HashPassword(_nobody, Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)));
            _hasher.VerifyHashedPassword(_nobody, _nobodysHash, password);
            passwordMatches = false;
        }

        if (!passwordMatches)
        {
            CountFailure(key, now);
            return SignInOutcome.Refused;
        }

        _failures.TryRemove(key, out _);
        await signIn.SignInAsync(user!, isPersistent: false);
        return (await signIn.UserManager.GetClaimsAsync(user!)).Any(c => c.Type == MustChangePasswordClaim)
            ? SignInOutcome.SignedInMustChangePassword
            : SignInOutcome.SignedIn;
    }

    /// <summary>
    /// Whether <paramref name="email"/> may guess its current password again from
    /// <paramref name="clientAddress"/>: the change-password form counts against the same budget as
    /// sign-in, so a stolen session cannot guess its way to the password either.
    /// </summary>
    public bool MayTryPassword(string email, string? clientAddress) => !IsThrottled(KeyOf(email, clientAddress), clock.GetUtcNow());

    /// <summary>A wrong current password given to the change-password form.</summary>
    public void CountWrongPassword(string email, string? clientAddress) => CountFailure(KeyOf(email, clientAddress), clock.GetUtcNow());

    /// <summary>The right one: the count starts again.</summary>
    public void ForgetWrongPasswords(string email, string? clientAddress) => _failures.TryRemove(KeyOf(email, clientAddress), out _);

    private static string KeyOf(string email, string? clientAddress) => $"{email.Trim().ToLowerInvariant()}|{clientAddress ?? "unknown"}";

    private bool IsThrottled(string key, DateTimeOffset now) =>
        _failures.TryGetValue(key, out var failures) && now - failures.Since < Window && failures.Count >= MaxFailures;

    private void CountFailure(string key, DateTimeOffset now)
    {
        ForgetOldFailures(now);
        _failures.AddOrUpdate(key, _ => new Failures(1, now), (_, old) => now - old.Since < Window ? old with { Count = old.Count + 1 } : new Failures(1, now));
    }

    // Failures are kept in memory; made-up emails must not grow it without bound.
    private void ForgetOldFailures(DateTimeOffset now)
    {
        if (_failures.Count < 10_000)
        {
            return;
        }

        foreach (var (key, failures) in _failures)
        {
            if (now - failures.Since >= Window)
            {
                _failures.TryRemove(key, out _);
            }
        }
    }

    /// <summary>True when the signed-in user still has to replace a password someone else chose.</summary>
    public static bool MustChangePassword(ClaimsPrincipal user) => user.HasClaim(c => c.Type == MustChangePasswordClaim);
}
