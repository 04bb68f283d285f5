using System.Threading.RateLimiting;
using AllianceTracker.Web.Data;
using AllianceTracker.Web.Features.Accounts;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace AllianceTracker.Web.Hosting;

public static class AccessSetup
{
    public const string SignInPath = "/account/sign-in";

    public static WebApplicationBuilder AddAllianceAccess(this WebApplicationBuilder builder)
    {
        var access = builder.Configuration.GetSection(AccessOptions.Section).Get<AccessOptions>() ?? new AccessOptions();
        builder.Services.Configure<AccessOptions>(builder.Configuration.GetSection(AccessOptions.Section));

        if (access.SessionCheckInterval > TimeSpan.FromMinutes(1) || access.SessionCheckInterval < TimeSpan.Zero)
        {
            throw new InvalidOperationException($"{AccessOptions.Section}:{nameof(AccessOptions.SessionCheckInterval)} must be between 00:00:00 and 00:01:00: a revoked session may not live longer.");
        }

        // Keys for cookies and antiforgery tokens live in the database (a restart, a container or a
        // restore keeps everyone signed in; a backup holds them), optionally encrypted with a
        // certificate (docs/operations.md).
        var keys = builder.Services.AddDataProtection().SetApplicationName("AllianceTracker").PersistKeysToDbContext<AllianceDbContext>();
        if (builder.Configuration["DataProtection:CertificatePath"] is { Length: > 0 } certificate)
        {
            keys.ProtectKeysWithCertificate(System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(
                certificate, builder.Configuration["DataProtection:CertificatePassword"]));
        }

        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddSessionRevalidation(access.SessionCheckInterval);
        builder.Services.AddIdentityCore<IdentityUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                // Length over composition rules (NIST SP 800-63B): a long passphrase beats "Passw0rd!".
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AllianceDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();

        // After AddSignInManager, which registers Identity's own validator: this one also refuses disabled accounts.
        builder.Services.AddScoped<ISecurityStampValidator, AccountStateValidator>();
        builder.Services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        builder.Services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = SignInPath;
            options.AccessDeniedPath = "/account/access-denied";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            // API clients get status codes, not a redirect to an HTML sign-in page.
            options.Events.OnRedirectToLogin = context => RespondOrRedirect(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => RespondOrRedirect(context, StatusCodes.Status403Forbidden);
        });

        builder.Services.AddAuthorization(options =>
        {
            Policies.Add(options);
            if (access.RequireSignInToRead)
            {
                options.FallbackPolicy = new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
            }
        });

        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, cancellationToken) =>
            {
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await context.HttpContext.Response.WriteAsync("Too many sign-in attempts from this address. Wait a minute, then try again.", cancellationToken);
            };
            // Only posts of the sign-in form count: password guessing is what this slows down.
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                HttpMethods.IsPost(context.Request.Method) && context.Request.Path.StartsWithSegments(SignInPath)
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        "sign-in:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = access.SignInAttemptsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter("unlimited"));
        });

        builder.Services.AddSingleton<AccountAdministration>();
        builder.Services.AddSingleton<SignInGuard>();
        return builder;
    }

    /// <summary>
    /// Last of the Add… calls. Data Protection warms its key ring in a hosted service as the host
    /// starts, which here is while the database is still being migrated (DataSetup): its table may
    /// not exist yet. Removed after every other registration (the framework's own Add… calls add
    /// it back), the ring loads on first use instead, and every request waits for the migrations.
    /// </summary>
    public static WebApplicationBuilder AddAllianceKeysOnFirstUse(this WebApplicationBuilder builder)
    {
        foreach (var warmUp in builder.Services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Name == "DataProtectionHostedService").ToList())
        {
            builder.Services.Remove(warmUp);
        }

        return builder;
    }

    private static Task RespondOrRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
