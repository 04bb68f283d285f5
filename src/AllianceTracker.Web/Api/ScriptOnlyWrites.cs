using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;

namespace AllianceTracker.Web.Api;

/// <summary>
/// Every write to the API (POST, PUT, PATCH, DELETE under /api) must come from a script: it carries
/// <c>X-Requested-With: XMLHttpRequest</c> (or a valid antiforgery header) and a JSON body. A form on
/// another site can send neither, so a signed-in editor's cookie cannot be used by it, whatever
/// route matching or SameSite would have done. Bodies are small; the dataset import keeps its own
/// larger limit.
/// </summary>
public static class ScriptOnlyWrites
{
    public const string HeaderName = "X-Requested-With";
    public const string HeaderValue = "XMLHttpRequest";

    /// <summary>The largest body a write other than an import may send: far above any stance with its evidence.</summary>
    public const long MaxWriteBodyBytes = 64 * 1024;

    private const string ImportPath = "/api/v1/imports";

    public static IApplicationBuilder UseScriptOnlyApiWrites(this IApplicationBuilder app) =>
        app.UseWhen(IsApiWrite, writes => writes.Use(GuardAsync));

    private static bool IsApiWrite(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api")
        && !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || HttpMethods.IsOptions(context.Request.Method) || HttpMethods.IsTrace(context.Request.Method));

    private static async Task GuardAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        if (!string.Equals(request.Headers[HeaderName], HeaderValue, StringComparison.OrdinalIgnoreCase)
            && !await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context))
        {
            await Results.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Writes to the API must be sent by a script",
                detail: $"Add the header '{HeaderName}: {HeaderValue}' (any HTTP client or fetch() can; a form on another site cannot).").ExecuteAsync(context);
            return;
        }

        if (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0 || !string.IsNullOrEmpty(request.ContentType))
        {
            if (!IsJson(request.ContentType))
            {
                await Results.Problem(
                    statusCode: StatusCodes.Status415UnsupportedMediaType,
                    title: "The API reads JSON",
                    detail: $"Send the body as 'Content-Type: application/json'; '{request.ContentType}' is not read here.").ExecuteAsync(context);
                return;
            }

            var limit = request.Path.StartsWithSegments(ImportPath) ? (long?)null : MaxWriteBodyBytes;
            if (limit is { } max)
            {
                if (request.ContentLength > max)
                {
                    await Results.Problem(
                        statusCode: StatusCodes.Status413PayloadTooLarge,
                        title: "The body is too large",
                        detail: $"A write to the API may send at most {max / 1024} KiB; this one sent {request.ContentLength / 1024} KiB.").ExecuteAsync(context);
                    return;
                }

                // Bodies without a declared length are cut off by the server at the same limit.
                if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
                {
                    size.MaxRequestBodySize = max;
                }
            }
        }

        await next(context);
    }

    private static bool IsJson(string? contentType) =>
        Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var media)
        && (media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (media.MediaType.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && media.MediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase)));
}
