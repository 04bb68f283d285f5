using System.Net;
using AllianceTracker.Web.Api;
using Microsoft.AspNetCore.HttpOverrides;

namespace AllianceTracker.Web.Hosting;

/// <summary>
/// What every response carries and how requests arrive: the security headers
/// (<see cref="SecurityHeaderPolicies"/>: CSP, nosniff, referrer and permissions policies, no framing
/// on documents; nosniff and the referrer policy on stylesheets and scripts), forwarded headers from
/// configured proxies only, HTTPS redirection and HSTS outside Development, and the public base URL
/// absolute links are made from (docs/security.md, docs/operations.md).
/// </summary>
public static partial class TransportSetup
{
    public static WebApplicationBuilder AddAllianceTransport(this WebApplicationBuilder builder)
    {
        var site = builder.Configuration.GetSection(SiteOptions.Section).Get<SiteOptions>() ?? new SiteOptions();
        if (!string.IsNullOrEmpty(site.PublicBaseUrl) && !Uri.TryCreate(site.PublicBaseUrl, UriKind.Absolute, out _))
        {
            throw new InvalidOperationException($"{SiteOptions.Section}:{nameof(SiteOptions.PublicBaseUrl)} must be an absolute URL such as https://tracker.example.org.");
        }

        builder.Services.AddSingleton(new PublicAddress(site.PublicBaseUrl));
        // A stop (SIGTERM) ends every live stream at once with a "reconnect" event; what is still
        // open after this (an editor's circuit, a slow export) is cut so the process is gone within
        // ~5 s and a supervisor or balancer moves on (issue 29), not after the default 30 s.
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = builder.Configuration.GetValue("Site:ShutdownTimeout", TimeSpan.FromSeconds(3)));
        // Kestrel writes its own Server header after every middleware has run: switched off at the source.
        // Connections are limited to what the live streams' ceiling and pages need (the stream answers
        // 503 past its own limits first), unless Kestrel:Limits sets them; the process checks at start
        // that its open-file limit holds them (OpenFileLimit).
        var streamCeiling = builder.Configuration.GetValue($"{Features.Live.LiveStreamOptions.Section}:{nameof(Features.Live.LiveStreamOptions.StreamCeiling)}", new Features.Live.LiveStreamOptions().StreamCeiling);
        builder.WebHost.ConfigureKestrel(options =>
        {
            options.AddServerHeader = false;
            options.Limits.MaxConcurrentConnections ??= streamCeiling + OpenFileLimit.Headroom / 2;
            options.Limits.MaxConcurrentUpgradedConnections ??= 1_000;
        });
        builder.Services.AddHostedService<OpenFileLimit>();
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in site.KnownProxies)
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in site.KnownNetworks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });

        if (site.IsHttps)
        {
            // Served over TLS (usually by a proxy): cookies only ever travel encrypted, and the
            // __Host- prefix stops a sibling subdomain from planting or shadowing them.
            builder.Services.ConfigureApplicationCookie(options =>
            {
                options.Cookie.Name = "__Host-AllianceTracker";
                options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            });
            builder.Services.AddAntiforgery(options =>
            {
                options.Cookie.Name = "__Host-AllianceTracker-Antiforgery";
                options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            });
        }

        builder.Services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
        builder.Services.AddAllianceSecurityHeaders(builder.Configuration);
        return builder;
    }

    private static SiteOptions Site(WebApplication app) => app.Configuration.GetSection(SiteOptions.Section).Get<SiteOptions>() ?? new SiteOptions();

    /// <summary>Not a middleware: a start outside Development without the public base URL says what that costs.</summary>
    public static WebApplication WarnWithoutPublicBaseUrl(this WebApplication app)
    {
        var site = Site(app);
        if (!app.Environment.IsDevelopment() && string.IsNullOrEmpty(site.PublicBaseUrl))
        {
            Log.PublicBaseUrlNotSet(app.Logger, $"{SiteOptions.Section}:{nameof(SiteOptions.PublicBaseUrl)}");
        }

        return app;
    }

    /// <summary><c>X-Alliance-Instance</c> on every response when <c>Site:InstanceName</c> is set (a cluster), so an operator sees who answered.</summary>
    public static WebApplication UseInstanceHeader(this WebApplication app)
    {
        if (Site(app).InstanceName is { Length: > 0 } instance)
        {
            app.Use((context, next) =>
            {
                context.Response.Headers["X-Alliance-Instance"] = instance;
                return next(context);
            });
        }

        return app;
    }

    /// <summary>When the public base URL is https, a request over plain HTTP is sent there (<see cref="ToHttps"/>).</summary>
    public static WebApplication UseHttpsFromPublicBaseUrl(this WebApplication app)
    {
        var site = Site(app);
        if (site.IsHttps)
        {
            app.Use((context, next) => ToHttps(context, next, site.PublicBaseUrl!));
        }

        return app;
    }

    /// <summary>HSTS and the framework's HTTPS redirection, except in Development.</summary>
    public static WebApplication UseHstsOutsideDevelopment(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        return app;
    }

    /// <summary>
    /// Served over HTTPS (the public base URL says so), a request that arrived over plain HTTP goes to
    /// the same address over HTTPS — a GET or HEAD by redirect, anything else refused — instead of
    /// reaching pages whose Secure cookies cannot be set on it (each answered 500). The health checks
    /// stay reachable over plain HTTP on the host, for the proxy and the supervisor.
    /// </summary>
    private static Task ToHttps(HttpContext context, RequestDelegate next, string publicBaseUrl)
    {
        if (context.Request.IsHttps || context.Request.Path.StartsWithSegments("/healthz"))
        {
            return next(context);
        }

        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        {
            var target = new Uri(new Uri(publicBaseUrl), context.Request.PathBase + context.Request.Path + context.Request.QueryString);
            context.Response.StatusCode = StatusCodes.Status308PermanentRedirect;
            context.Response.Headers.Location = target.AbsoluteUri;
            return Task.CompletedTask;
        }

        return Results.Problem(
            statusCode: StatusCodes.Status400BadRequest,
            title: "Use HTTPS",
            detail: $"This site is served over HTTPS: send the request to {publicBaseUrl}.").ExecuteAsync(context);
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "{Setting:l} is not set: absolute links (feed entry ids, \"Cite as\") follow each request's Host header, and cookies are not marked Secure. Set it to the address readers use, e.g. https://tracker.example.org (docs/operations.md).")]
        public static partial void PublicBaseUrlNotSet(ILogger logger, string setting);
    }
}
