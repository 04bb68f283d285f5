using System.Reflection;
using Microsoft.AspNetCore.Identity;

namespace AllianceTracker.Web.Features.Accounts;

/// <summary>
/// Beyond the length (12): a password may not be a common one (the denylist shipped with the app,
/// common-passwords.txt), a run of three or fewer different characters ("aaaaaaaaaaaa",
/// "abababababab"), or contain the account's own email name. NIST SP 800-63B's advice: check
/// against known-bad passwords rather than demand symbols.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<IdentityUser>
{
    private static readonly Lazy<HashSet<string>> Denylist = new(Load);

    public static int DenylistSize => Denylist.Value.Count;

    public Task<IdentityResult> ValidateAsync(UserManager<IdentityUser> manager, IdentityUser user, string? password)
    {
        var plain = (password ?? "").Trim().ToLowerInvariant();
        if (Denylist.Value.Contains(plain))
        {
            return Refuse("CommonPassword", "That password is on the list of common passwords. Choose another: a few unrelated words work well.");
        }

        if (plain.Distinct().Count() <= 3)
        {
            return Refuse("RepetitivePassword", "That password repeats a few characters. Choose one with more variety.");
        }

        var name = (user.Email ?? user.UserName ?? "").Split('@')[0].ToLowerInvariant();
        if (name.Length >= 4 && plain.Contains(name, StringComparison.Ordinal))
        {
            return Refuse("PasswordContainsEmail", "A password may not contain the account's email name.");
        }

        return Task.FromResult(IdentityResult.Success);
    }

    private static Task<IdentityResult> Refuse(string code, string description) =>
        Task.FromResult(IdentityResult.Failed(new IdentityError { Code = code, Description = description }));

    private static HashSet<string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("AllianceTracker.Web.Features.Accounts.common-passwords.txt")
            ?? throw new InvalidOperationException("The common-password list is missing from the build.");
        using var reader = new StreamReader(stream);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                words.Add(line.Trim().ToLowerInvariant());
            }
        }

        return words;
    }
}
