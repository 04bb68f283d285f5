using System.Security.Cryptography;
using AllianceTracker.Web.Api;
using Scalar.AspNetCore;

namespace AllianceTracker.Web.Hosting;

public static class ApiSetup
{
    public static WebApplicationBuilder AddAllianceApi(this WebApplicationBuilder builder)
    {
        // A number is a JSON number: "2024" in quotes is refused, not guessed at.
        builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict);
        // A request the framework cannot bind throws in every environment, so ApiFaults answers it
        // with the app's own 400 (an errors map, no exception type or stack trace).
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.AddOpenApi("v1", options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "AllianceTracker API";
            document.Info.Version = "v1";
            document.Info.Description = "Where NATO's members stand on the proposals before a summit, and whether consensus is possible. "
                + "Stance codes: supports, conditional, undecided, unknown, opts-out, opposes. Dates are YYYY-MM-DD.";
            return Task.CompletedTask;
        }).AddAllianceConventions());
        return builder;
    }

    /// <summary>
    /// API failures as problem details (503 with Retry-After when the database cannot take it),
    /// inside the request log, so the log line shows the status the client got.
    /// </summary>
    public static WebApplication UseAllianceApiFaults(this WebApplication app)
    {
        var metrics = app.Services.GetRequiredService<HostingMetrics>();
        app.UseApiFaults(
            exception =>
            {
                // Asked once per failed request, to choose 503 over 500: counted when it is a 503.
                var unavailable = Data.DatabaseFaults.IsUnavailable(exception);
                if (unavailable)
                {
                    metrics.DatabaseUnavailable();
                }

                return unavailable;
            },
            Data.DatabaseFaults.RetryAfterSeconds);
        return app;
    }

    /// <summary>
    /// GET (and HEAD) responses of the API, the feed and the OpenAPI document carry an ETag and
    /// <c>Cache-Control: no-cache</c>, and answer a matching If-None-Match with 304: strong or weak
    /// (<c>W/"…"</c>, compared weakly as RFC 9110 §13.1.2 says for GET) or <c>*</c>.
    /// </summary>
    public static WebApplication UseApiEntityTags(this WebApplication app)
    {
        app.UseWhen(
            context => HttpMethods.IsGet(context.Request.Method) && !StreamedResponse.Is(context)
                && (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/feeds") || context.Request.Path.StartsWithSegments("/openapi")),
            api => api.Use(WithEntityTagAsync));
        return app;
    }

    public static WebApplication MapAllianceApiReference(this WebApplication app)
    {
        // Defaults on both sides: /openapi/v1.json, and the browsable reference at /scalar/v1.
        app.MapOpenApi();
        // No fonts from Scalar's servers: a reader of the API reference tells no third party, and the CSP allows none.
        app.MapScalarApiReference(options => options.WithTitle("AllianceTracker API").DisableDefaultFonts());
        return app;
    }

    // The tag is a hash of the body, so it changes exactly when the content does (a stance change,
    // a new proposal) and clients revalidate cheaply instead of downloading the same positions again.
    private static async Task WithEntityTagAsync(HttpContext context, RequestDelegate next)
    {
        var original = context.Response.Body;
        await using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        if (context.Response.StatusCode == StatusCodes.Status200OK)
        {
            // A resource that carries a version (VersionTags) is tagged by it, so If-Match can name it.
            // A hash of the body before compression, so the br, gzip and identity bodies share it: a
            // weak tag (W/), which says "the same content", not "the same bytes" (RFC 9110 §8.8.1).
            var tag = context.Response.Headers.ETag is { Count: > 0 } own
                ? own.ToString()
                : $"W/\"{Convert.ToBase64String(SHA256.HashData(buffer.ToArray())).TrimEnd('=').Replace('+', '-').Replace('/', '_')}\"";
            context.Response.Headers.ETag = tag;
            if (context.Response.Headers.CacheControl.Count == 0)
            {
                context.Response.Headers.CacheControl = "no-cache";
            }
            if (IfNoneMatch(context.Request.Headers.IfNoneMatch, tag))
            {
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                context.Response.ContentLength = null;
                return;
            }
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(original);
    }

    /// <summary>Whether an If-None-Match header matches <paramref name="tag"/>: <c>*</c>, or any listed tag weakly equal to it.</summary>
    internal static bool IfNoneMatch(Microsoft.Extensions.Primitives.StringValues header, string tag) =>
        header.SelectMany(value => (value ?? "").Split(','))
            .Select(candidate => candidate.Trim())
            .Any(candidate => candidate == "*" || Opaque(candidate) == Opaque(tag));

    // Weak comparison: the tags' opaque parts, W/ or not.
    private static string Opaque(string tag) => tag.StartsWith("W/", StringComparison.Ordinal) ? tag[2..] : tag;
}
