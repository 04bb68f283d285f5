using Microsoft.AspNetCore.Identity;

namespace AllianceTracker.Web.Features.Accounts;

/// <summary>The outcome of an account operation: done, or the reasons it was refused.</summary>
public sealed record AccountResult(bool Succeeded, IReadOnlyList<string> Errors)
{
    public static AccountResult Ok { get; } = new(true, []);

    public static AccountResult Failed(params string[] errors) => new(false, errors);

    public static AccountResult From(IdentityResult result) =>
        result.Succeeded ? Ok : new AccountResult(false, result.Errors.Select(e => e.Description).ToList());
}
