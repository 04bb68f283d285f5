using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace AllianceTracker.Web.Features.Accounts;

/// <summary>
/// An open editor page (a circuit) checks its account as often as a cookie does: once the security
/// stamp has moved on (role change, disabled account, password change, sign-out elsewhere), the
/// circuit's user becomes anonymous, so its next save is refused on the server.
/// </summary>
internal sealed class SessionRevalidation(
    ILoggerFactory loggerFactory,
    IServiceScopeFactory scopes,
    IOptions<IdentityOptions> identity,
    IOptions<SecurityStampValidatorOptions> stamps)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    // A zero interval (tests) would make the base class loop without pause.
    protected override TimeSpan RevalidationInterval =>
        stamps.Value.ValidationInterval < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : stamps.Value.ValidationInterval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        return await IsCurrentAsync(users, authenticationState.User);
    }

    private async Task<bool> IsCurrentAsync(UserManager<IdentityUser> users, ClaimsPrincipal principal)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null || AccountAdministration.IsDisabled(user))
        {
            return false;
        }

        var stamp = principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        return stamp == await users.GetSecurityStampAsync(user);
    }
}

public static class SessionRevalidationServices
{
    /// <summary>Cookies and circuits both re-check the account every <paramref name="interval"/>.</summary>
    public static IServiceCollection AddSessionRevalidation(this IServiceCollection services, TimeSpan interval)
    {
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = interval);
        services.AddScoped<AuthenticationStateProvider, SessionRevalidation>();
        return services;
    }
}
