using System.Net;
using System.Security.Cryptography;
using System.Text;
using AllianceTracker.Web.Api;
using AllianceTracker.Web.Features.Embed;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.HttpOverrides;
using NetEscapades.AspNetCore.SecurityHeaders.Infrastructure;

namespace AllianceTracker.Web.Hosting;

/// <summary>
/// What every response carries and how requests arrive: one security header policy for all
/// responses (CSP, nosniff, referrer and permissions policies, no framing), forwarded headers from
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
        var framers = EmbedFramers(builder.Configuration);
        builder.Services.AddSecurityHeaderPolicies()
            .SetDefaultPolicy(PagePolicy)
            .AddPolicy(ApiReferencePolicyName, ApiReferencePolicy)
            .AddPolicy(EmbedPolicyName, policy => EmbedPolicy(policy, framers))
            .SetPolicySelector(context => SelectPolicy(context.HttpContext, context.SelectedPolicy, context.ConfiguredPolicies));
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

    private const string ApiReferencePolicyName = "api-reference";
    private const string EmbedPolicyName = "embed";

    /// <summary>The origins <c>Embed:AllowedOrigins</c> lets frame the cards, checked at start; empty: any site.</summary>
    private static List<string> EmbedFramers(ConfigurationManager configuration) =>
        (configuration.GetSection(EmbedOptions.Section).Get<EmbedOptions>() ?? new EmbedOptions()).CheckedOrigins();

    private static void PagePolicy(HeaderPolicyCollection policy) =>
        CommonHeaders(policy).AddFrameOptionsDeny().AddCrossOriginOpenerPolicy(x => x.SameOrigin()).AddContentSecurityPolicy(csp => PageCsp(csp, importMapHash: null));

    /// <summary>
    /// The embeddable cards (Features/Embed) are the only pages another site may frame: they show
    /// what every reader sees, carry no form and run no circuit. No X-Frame-Options (it cannot
    /// list origins); frame-ancestors names the allowed origins, or any.
    /// </summary>
    private static void EmbedPolicy(HeaderPolicyCollection policy, List<string> framers) =>
        CommonHeaders(policy).AddContentSecurityPolicy(csp => PageCsp(csp, importMapHash: null, framers: framers));

    /// <summary>Scalar's API reference page starts with an inline module script and its bundle uses eval; it shows no stored text, only the OpenAPI document.</summary>
    private static void ApiReferencePolicy(HeaderPolicyCollection policy) =>
        CommonHeaders(policy).AddFrameOptionsDeny().AddContentSecurityPolicy(csp => PageCsp(csp, importMapHash: null, inlineScripts: true));

    private static HeaderPolicyCollection CommonHeaders(HeaderPolicyCollection policy) => policy
        .AddContentTypeOptionsNoSniff()
        .AddReferrerPolicyStrictOriginWhenCrossOrigin()
        .AddPermissionsPolicy(PermissionsPolicy)
        .RemoveServerHeader();

    // The library's secure defaults, less web-share: readers may share a page through the browser
    // (and Chromium on Linux does not know the feature, so naming it put a warning in every console).
    private static void PermissionsPolicy(PermissionsPolicyBuilder policy)
    {
        policy.AddAccelerometer().None();
        policy.AddAutoplay().None();
        policy.AddCamera().None();
        policy.AddDisplayCapture().None();
        policy.AddEncryptedMedia().None();
        policy.AddFullscreen().None();
        policy.AddGeolocation().None();
        policy.AddGyroscope().None();
        policy.AddMagnetometer().None();
        policy.AddMicrophone().None();
        policy.AddMidi().None();
        policy.AddPayment().None();
        policy.AddPictureInPicture().None();
        policy.AddPublickeyCredentialsGet().None();
        policy.AddScreenWakeLock().None();
        policy.AddSyncXHR().None();
        policy.AddUsb().None();
        policy.AddXrSpatialTracking().None();
    }

    private static void PageCsp(CspBuilder csp, string? importMapHash, bool inlineScripts = false, List<string>? framers = null)
    {
        csp.AddDefaultSrc().Self();
        // Blazor's and MudBlazor's scripts are files from this site; the one inline script,
        // Blazor's import map, is allowed by its hash (added per response, see SelectPolicy).
        // Only Scalar's page allows inline scripts and eval (its bundle compiles schemas with it).
        var scripts = csp.AddScriptSrc().Self();
        if (inlineScripts)
        {
            scripts.UnsafeInline().UnsafeEval();
        }

        if (importMapHash is not null)
        {
            scripts.From($"'sha256-{importMapHash}'");
        }

        // MudBlazor sets style attributes and a theme <style> element.
        csp.AddStyleSrc().Self().UnsafeInline();
        csp.AddImgSrc().Self().Data();
        csp.AddFontSrc().Self().Data();
        // The live stream (SSE) and the editors' circuit (WebSocket) are same-origin.
        csp.AddConnectSrc().Self();
        csp.AddObjectSrc().None();
        csp.AddBaseUri().Self();
        csp.AddFormAction().Self();
        if (framers is null)
        {
            csp.AddFrameAncestors().None();
        }
        else if (framers.Count == 0)
        {
            csp.AddFrameAncestors().From("*");
        }
        else
        {
            var ancestors = csp.AddFrameAncestors();
            framers.ForEach(origin => ancestors.From(origin));
        }
    }

    private static IReadOnlyHeaderPolicyCollection SelectPolicy(HttpContext context, IReadOnlyHeaderPolicyCollection selected, IReadOnlyDictionary<string, IReadOnlyHeaderPolicyCollection> configured)
    {
        if (context.Request.Path.StartsWithSegments("/scalar"))
        {
            return configured[ApiReferencePolicyName];
        }

        if (context.Request.Path.StartsWithSegments("/embed"))
        {
            return configured[EmbedPolicyName];
        }

        return context.GetEndpoint()?.Metadata.GetMetadata<ImportMapDefinition>() is { } importMap
            ? ImportMapPolicies.For(importMap, selected)
            : selected;
    }

    /// <summary>The page policy with the hash of the import map a page renders; one per map, made once.</summary>
    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "{Setting:l} is not set: absolute links (feed entry ids, \"Cite as\") follow each request's Host header, and cookies are not marked Secure. Set it to the address readers use, e.g. https://tracker.example.org (docs/operations.md).")]
        public static partial void PublicBaseUrlNotSet(ILogger logger, string setting);
    }

    private static class ImportMapPolicies
    {
        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ImportMapDefinition, IReadOnlyHeaderPolicyCollection> Made = [];

        public static IReadOnlyHeaderPolicyCollection For(ImportMapDefinition importMap, IReadOnlyHeaderPolicyCollection page) =>
            Made.GetValue(importMap, map =>
            {
                // <ImportMap /> writes exactly ToString() between the script tags; the browser hashes that text.
                var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(map.ToString())));
                var policy = page.Copy();
                policy.AddContentSecurityPolicy(csp => PageCsp(csp, hash));
                return policy;
            });
    }
}
