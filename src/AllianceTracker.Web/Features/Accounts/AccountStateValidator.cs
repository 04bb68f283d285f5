using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace AllianceTracker.Web.Features.Accounts;

/// <summary>
/// The cookie's periodic check (every <c>Access:SessionCheckInterval</c>): Identity's comparison of
/// the security stamp, and also the account's state — a disabled account's cookie is refused even if
/// its stamp never moved (a disable written around the app, or cut short before its stamp). Roles
/// are read again when a cookie passes, so a role-less account keeps no editor role.
/// </summary>
public sealed class AccountStateValidator(IOptions<SecurityStampValidatorOptions> options, SignInManager<IdentityUser> signInManager, ILoggerFactory logger)
    : SecurityStampValidator<IdentityUser>(options, signInManager, logger)
{
    protected override async Task<IdentityUser?> VerifySecurityStamp(ClaimsPrincipal? principal) =>
        await base.VerifySecurityStamp(principal) is { } user && !AccountAdministration.IsDisabled(user) ? user : null;
}
