using System.IO.Compression;
using AllianceTracker.Web.Api;
using AllianceTracker.Web.Components.Shell;
using AllianceTracker.Web.Features.History;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;

namespace AllianceTracker.Web.Hosting;

/// <summary>
/// What makes reading cheap (ADR 0012): anonymous reads of cacheable pages and endpoints are
/// kept in the output cache per URL, data version, theme and encoding, and evicted on every
/// change; anonymous responses are compressed.
/// </summary>
public static class ReadingSetup
{
    public const string ChangedTag = "picture";

    public static WebApplicationBuilder AddAllianceReading(this WebApplicationBuilder builder)
    {
        builder.Services.AddOutputCache(options =>
        {
            options.AddBasePolicy(new ReadingCachePolicy());
            options.DefaultExpirationTimeSpan = TimeSpan.FromMinutes(10);
        });
        builder.Services.AddHostedService<EvictOnChange>();
        builder.Services.AddResponseCompression(options =>
        {
            // Only anonymous responses are compressed (see UseCompressionForReaders): no secret sits
            // beside text an attacker controls, so compression cannot leak one (BREACH).
            options.EnableForHttps = true;
            options.Providers.Add(new ReadersBrotli());
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes =
            [
                "text/html", "text/css", "application/javascript", "text/javascript", "application/json", "application/problem+json",
                "text/csv", "text/markdown", "application/atom+xml", "image/svg+xml",
            ];
        });
        builder.Services.Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        ReplaceAntiforgery(builder.Services);
        return builder;
    }

    /// <summary>A framework override: the output cache's stored pages keep the exact enhanced-navigation header (below).</summary>
    public static WebApplication UseEnhancedNavigationHeaderKept(this WebApplication app)
    {
        app.Use(KeepEnhancedNavigationHeader);
        return app;
    }

    /// <summary>Brotli/gzip for anonymous responses only (no secret sits beside reflected input), never for streams.</summary>
    public static WebApplication UseCompressionForReaders(this WebApplication app)
    {
        app.UseWhen(
            context => context.User.Identity?.IsAuthenticated != true && !StreamedResponse.Is(context),
            anonymous => anonymous.UseResponseCompression());
        return app;
    }

    // The output cache stores common header strings as tokens and matches them ignoring case, so a
    // page served from it says "blazor-enhanced-nav: Allow" where the page said "allow" — and
    // blazor.web.js compares case-sensitively: every enhanced navigation to a cached page failed
    // and fell back to a full page load, losing the reader's scroll and focus. Put the value back.
    private static Task KeepEnhancedNavigationHeader(HttpContext context, RequestDelegate next)
    {
        if (CacheableReadAttribute.Applies(context))
        {
            context.Response.OnStarting(static state =>
            {
                var headers = ((HttpResponse)state).Headers;
                if (string.Equals(headers[EnhancedNavigationHeader], "allow", StringComparison.OrdinalIgnoreCase))
                {
                    headers[EnhancedNavigationHeader] = "allow";
                }

                return Task.CompletedTask;
            }, context.Response);
        }

        return next(context);
    }

    private const string EnhancedNavigationHeader = "blazor-enhanced-nav";

    // Every Razor component response asks for antiforgery tokens, which sets a cookie for a new
    // visitor and marks the response no-store: no cache would keep a reading page. Cacheable
    // pages have no form that needs a token, so an anonymous read gets none: nothing is stored,
    // and nothing is encrypted on every render (a token without its cookie could never validate anyway).
    private static void ReplaceAntiforgery(IServiceCollection services)
    {
        var original = services.Last(d => d.ServiceType == typeof(IAntiforgery));
        services.Remove(original);
        services.AddSingleton<IAntiforgery>(provider => new ReadingAntiforgery(
            (IAntiforgery)(original.ImplementationInstance
                ?? original.ImplementationFactory?.Invoke(provider)
                ?? ActivatorUtilities.CreateInstance(provider, original.ImplementationType!))));
    }

    private sealed class ReadingAntiforgery(IAntiforgery inner) : IAntiforgery
    {
        private static readonly AntiforgeryTokenSet NoTokens = new(null, null, "__RequestVerificationToken", null);

        public AntiforgeryTokenSet GetAndStoreTokens(HttpContext httpContext) =>
            CacheableReadAttribute.Applies(httpContext) ? NoTokens : inner.GetAndStoreTokens(httpContext);

        public AntiforgeryTokenSet GetTokens(HttpContext httpContext) => inner.GetTokens(httpContext);

        public Task<bool> IsRequestValidAsync(HttpContext httpContext) => inner.IsRequestValidAsync(httpContext);

        public Task ValidateRequestAsync(HttpContext httpContext) => inner.ValidateRequestAsync(httpContext);

        public void SetCookieTokenAndHeader(HttpContext httpContext) => inner.SetCookieTokenAndHeader(httpContext);
    }

    /// <summary>
    /// Brotli at quality 3. The framework's levels are quality 1 (Fastest) or 4 (Optimal). Quality 1
    /// compresses each write on its own: a page rendered in 16 KB writes came out 13.4 KB where the
    /// same page in one piece is 11.6 KB. Quality 3 keeps its window across writes: the seeded
    /// dashboard is 10.6 KB, the theme stylesheet 2.4 KB instead of 3.2, for ~0.05 ms more than
    /// quality 1 on the dashboard's 65 KB (0.15 against 0.10 ms; quality 4, 10.0 KB, takes 0.30 ms):
    /// about 3 % of an uncached render, for 2.8 KB less to every reader (docs/page-weight.md).
    /// </summary>
    private sealed class ReadersBrotli : ICompressionProvider
    {
        private static readonly BrotliCompressionOptions Quality = new() { Quality = 3 };

        public string EncodingName => "br";

        public bool SupportsFlush => true;

        public Stream CreateStream(Stream outputStream) => new BrotliStream(outputStream, Quality, leaveOpen: true);
    }

    private sealed class ReadingCachePolicy : IOutputCachePolicy
    {
        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var http = context.HttpContext;
            var cacheable = CacheableReadAttribute.Applies(http) && !http.Request.Headers.ContainsKey("Authorization");
            context.EnableOutputCaching = cacheable;
            context.AllowCacheLookup = cacheable;
            context.AllowCacheStorage = cacheable;
            context.AllowLocking = true;
            if (cacheable)
            {
                context.CacheVaryByRules.QueryKeys = "*";
                context.CacheVaryByRules.HeaderNames = new("Accept-Encoding");
                context.CacheVaryByRules.VaryByValues["version"] = http.RequestServices.GetRequiredService<IStanceChangeNotifier>().Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
                context.CacheVaryByRules.VaryByValues["theme"] = ThemePreference.KeyOf(http);
                // An enhanced navigation gets the page without what a full load sets up once (the script initializers).
                context.CacheVaryByRules.VaryByValues["enhanced"] = http.Request.Headers.Accept.ToString().Contains("blazor-enhanced-nav", StringComparison.Ordinal) ? "yes" : "no";
                // The feed answers a browser with its page and a feed reader with Atom, at one address.
                context.CacheVaryByRules.VaryByValues["page"] = Features.Feeds.ChangeFeed.OpensAsPage(http.Request) ? "yes" : "no";
                context.Tags.Add(ChangedTag);
                http.RequestServices.GetService<HostingMetrics>()?.CacheLookup();
            }

            return ValueTask.CompletedTask;
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            context.HttpContext.RequestServices.GetService<HostingMetrics>()?.CacheHit();
            return ValueTask.CompletedTask;
        }

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var response = context.HttpContext.Response;
            // Only a complete, successful answer that sets nothing for one visitor is kept.
            if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Count > 0)
            {
                context.AllowCacheStorage = false;
            }

            return ValueTask.CompletedTask;
        }
    }

    /// <summary>Drops cached reads when the history changes (the version in their keys already makes them unreachable).</summary>
    private sealed class EvictOnChange(IStanceChangeNotifier notifier, IOutputCacheStore store) : IHostedService
    {
        private IDisposable? _subscription;

        public Task StartAsync(CancellationToken cancellationToken)
        {
            _subscription = notifier.Subscribe(_ => store.EvictByTagAsync(ChangedTag, CancellationToken.None).AsTask());
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken)
        {
            _subscription?.Dispose();
            return Task.CompletedTask;
        }
    }
}
