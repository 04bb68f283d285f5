using Microsoft.AspNetCore.Http.Features;

namespace AllianceTracker.Web.Api;

/// <summary>
/// HEAD wherever GET works (RFC 9110 §9.3.2): monitors, link checkers and download managers ask
/// HEAD first. Before routing, a HEAD request is handled as the GET it mirrors with the body
/// written nowhere, so every GET endpoint — pages, API, feed, downloads — answers it with the
/// same status and headers (Content-Type, Content-Length, ETag) and no body.
/// </summary>
public static class HeadRequests
{
    private static readonly object Marker = new();

    /// <summary>Whether this request came in as HEAD (a stream need not stay open for it).</summary>
    public static bool Is(HttpContext context) => context.Items.ContainsKey(Marker);

    public static IApplicationBuilder UseHeadAsGet(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await next(context);
            return;
        }

        context.Items[Marker] = true;
        context.Request.Method = HttpMethods.Get;
        var body = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(Stream.Null, body));
        try
        {
            await next(context);
        }
        finally
        {
            context.Features.Set(body);
            // The request log and anything after says what the client sent.
            context.Request.Method = HttpMethods.Head;
        }
    });
}
