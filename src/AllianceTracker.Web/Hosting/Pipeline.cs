using AllianceTracker.Web.Api;
using AllianceTracker.Web.Components.Shell;

namespace AllianceTracker.Web.Hosting;

/// <summary>
/// The request pipeline, top to bottom: every middleware a request meets, in order, one per line
/// (the method named on each line holds its details and its reasons). Order matters and is the
/// point of this file: a change here is a change to what every request goes through. The framework
/// overrides are listed in docs/architecture.md ("Framework overrides"), each with its test.
/// </summary>
public static class Pipeline
{
    /// <returns>The database's initialization, for <see cref="DataSetup.RunAsync"/>.</returns>
    public static Task UseAlliancePipeline(this WebApplication app)
    {
        app.WarnWithoutPublicBaseUrl();                     // not a middleware: say so when links would follow the Host header
        app.RegisterAllianceMetrics();                      // not a middleware: every series exists from the first scrape

        // Transport: first, so every response (cached, static, error) carries the headers.
        app.UseForwardedHeaders();                          // client address and scheme from trusted proxies only
        app.UseSecurityHeaders();                           // pages: CSP, frame-ancestors, nosniff, referrer, permissions; CSS/JS: nosniff, referrer
        app.UseInstanceHeader();                            // X-Alliance-Instance in a cluster
        app.UseHttpsFromPublicBaseUrl();                    // plain HTTP to an https site: 308 (GET, HEAD) or 400
        app.UseHstsOutsideDevelopment();                    // HSTS and HTTPS redirection

        // Start-up: a request waits for the database (Site:HoldRequestsWhileStarting), then 503 + Retry-After.
        var databaseInitialized = app.UseDatabaseInitialization();

        // Errors and the log, around everything below.
        app.UseErrorPageOutsideDevelopment();               // an unhandled exception shows /error with a log reference
        app.UseStatusCodePagesWithReExecute("/not-found");  // a bare 404 page-side shows the not-found page
        app.UseNoStatusPagesForApi();                       // …but /api keeps its status codes and problem bodies
        app.UseAllianceRequestLogging();                    // one line per request: status, time, client address, login
        app.UseAllianceApiFaults();                         // API exceptions as problem details; 503 + Retry-After when the database cannot take it

        // Other sites may read what every reader may: CORS on GETs of the API, stream, exports, feeds.
        app.UseOpenReadAccess();                            // before HEAD and routing: a preflight is answered here

        // Routing.
        app.UseHeadAsGet();                                 // framework override: HEAD answered as its GET, without a body
        app.UseCanonicalAddresses();                        // e.g. /members/hun → /members/HUN, before an endpoint is chosen
        app.UseRouting();
        app.UseMetricsForOperatorsOnly();                   // /metrics: loopback and Metrics:AllowedNetworks, 404 for others
        app.UseRequestMetrics();                            // every request counted and timed, by endpoint

        // Who is asking.
        app.UseAuthentication();
        app.UseScriptOnlyApiWrites();                       // before authorization: a cross-site write is refused as such
        app.UseAuthorization();
        app.UseRateLimiter();

        // Reading: after authentication, since the cache and compression look at who asks.
        app.UseEnhancedNavigationHeaderKept();              // framework override: cached pages keep "blazor-enhanced-nav: allow"
        app.UseOutputCache();                               // anonymous [CacheableRead] responses, per URL, data version, theme, encoding
        app.UseCompressionForReaders();                     // Brotli/gzip for anonymous responses, never for streams
        app.UseApiEntityTags();                             // ETag on API, feed and OpenAPI GETs; If-None-Match → 304
        app.UseThemeHints();                                // asks the browser for its colour scheme (Accept-CH)
        app.UseAntiforgery();                               // after authentication: editors' forms are checked against their session
        return databaseInitialized;
    }
}
