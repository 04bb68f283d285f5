using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace AllianceTracker.Web.Features.Accounts;

/// <summary>
/// An open editor page (a circuit) checks its account when it opens (<see cref="SessionCheckAtOpen"/>)
/// and then as often as a cookie does: once the security stamp has moved on (role change, disabled account, password change,
/// sign-out elsewhere) or the account is disabled, the circuit's user becomes anonymous, so its next
/// save is refused on the server. Checking at open matters: the page's request was let in by a
/// cookie checked up to a minute earlier, and waiting another interval after opening let a revoked
/// session save for two.
/// </summary>
internal sealed partial class SessionRevalidation : ServerAuthenticationStateProvider, IDisposable
{
    private static readonly ClaimsPrincipal Anonymous = new(new ClaimsIdentity());

    private readonly IServiceScopeFactory _scopes;
    private readonly IOptions<IdentityOptions> _identity;
    private readonly ILogger<SessionRevalidation> _logger;
    private readonly TimeSpan _interval;
    private CancellationTokenSource? _loop;

    public SessionRevalidation(ILogger<SessionRevalidation> logger, IServiceScopeFactory scopes, IOptions<IdentityOptions> identity, IOptions<SecurityStampValidatorOptions> stamps)
    {
        (_logger, _scopes, _identity) = (logger, scopes, identity);
        // A zero interval (tests) would loop without pause.
        _interval = stamps.Value.ValidationInterval < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : stamps.Value.ValidationInterval;
        AuthenticationStateChanged += OnChanged;
    }

    private void OnChanged(Task<AuthenticationState> state)
    {
        _loop?.Cancel();
        _loop?.Dispose();
        _loop = new CancellationTokenSource();
        _ = RevalidateAsync(state, _loop.Token);
    }

    private async Task RevalidateAsync(Task<AuthenticationState> stateTask, CancellationToken cancellationToken)
    {
        try
        {
            var user = (await stateTask).User;
            if (user.Identity?.IsAuthenticated != true)
            {
                return;
            }

            // The first check after an interval: a page rendered without a circuit ends long before,
            // and costs no database read; a circuit is checked at once when it opens (CheckAtOpenAsync).
            while (!cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(_interval, cancellationToken);
                if (!await IsCurrentAsync(user))
                {
                    SetAuthenticationState(Task.FromResult(new AuthenticationState(Anonymous)));
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // A newer state replaced this one, or the circuit ended.
        }
        catch (Exception ex)
        {
            // A database that cannot answer now must not sign anyone out; the cookie's own check goes on.
            Log.OpenPageNotChecked(_logger, ex);
        }
    }

    /// <summary>Checks the session once, now: called when a circuit opens (<see cref="SessionCheckAtOpen"/>).</summary>
    public async Task CheckAtOpenAsync()
    {
        var user = (await GetAuthenticationStateAsync()).User;
        try
        {
            if (user.Identity?.IsAuthenticated == true && !await IsCurrentAsync(user))
            {
                SetAuthenticationState(Task.FromResult(new AuthenticationState(Anonymous)));
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.NewPageNotChecked(_logger, ex);
        }
    }

    private async Task<bool> IsCurrentAsync(ClaimsPrincipal principal)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var user = await users.GetUserAsync(principal);
        if (user is null || AccountAdministration.IsDisabled(user))
        {
            return false;
        }

        var stamp = principal.FindFirstValue(_identity.Value.ClaimsIdentity.SecurityStampClaimType);
        return stamp == await users.GetSecurityStampAsync(user);
    }

    public void Dispose()
    {
        AuthenticationStateChanged -= OnChanged;
        _loop?.Cancel();
        _loop?.Dispose();
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "The session of an open editor page could not be checked; it will be at the next request")]
        public static partial void OpenPageNotChecked(ILogger logger, Exception exception);

        [LoggerMessage(Level = LogLevel.Warning, Message = "The session of a new editor page could not be checked; it will be at the next interval")]
        public static partial void NewPageNotChecked(ILogger logger, Exception exception);
    }
}

/// <summary>Has each new circuit check its session as it opens (SessionRevalidation).</summary>
internal sealed class SessionCheckAtOpen(AuthenticationStateProvider provider) : Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Microsoft.AspNetCore.Components.Server.Circuits.Circuit circuit, CancellationToken cancellationToken) =>
        provider is SessionRevalidation sessions ? sessions.CheckAtOpenAsync() : Task.CompletedTask;
}

public static class SessionRevalidationServices
{
    /// <summary>Cookies and circuits both re-check the account every <paramref name="interval"/>; circuits also when they open.</summary>
    public static IServiceCollection AddSessionRevalidation(this IServiceCollection services, TimeSpan interval)
    {
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = interval);
        services.AddScoped<AuthenticationStateProvider, SessionRevalidation>();
        services.AddScoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler, SessionCheckAtOpen>();
        return services;
    }
}
