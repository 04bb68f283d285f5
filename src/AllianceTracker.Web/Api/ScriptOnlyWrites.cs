using Microsoft.AspNetCore.Antiforgery;

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

    // Only a write that reaches an endpoint taking its method: a path nobody maps is a 404 and a
    // wrong method a 405 (with Allow), whatever headers came with them; nothing runs for either.
    private static bool IsApiWrite(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api")
        && !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || HttpMethods.IsOptions(context.Request.Method) || HttpMethods.IsTrace(context.Request.Method))
        && context.GetEndpoint()?.Metadata.GetMetadata<IHttpMethodMetadata>() is { } methods
        && methods.HttpMethods.Contains(context.Request.Method, StringComparer.OrdinalIgnoreCase);

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

            // The import reads its own, larger limit (DatasetImport.MaxBytes); an endpoint may say it takes more.
            var max = context.GetEndpoint()?.Metadata.GetMetadata<LargerWriteBodyLimit>()?.MaxBytes ?? MaxWriteBodyBytes;
            if (!request.Path.StartsWithSegments(ImportPath)
                && (request.ContentLength > max || (request.ContentLength is null && !await BufferWithinAsync(request, max, context.RequestAborted))))
            {
                await TooLarge(max, request.ContentLength).ExecuteAsync(context);
                return;
            }
        }

        await next(context);
    }

    private static IResult TooLarge(long max, long? sent) => Results.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "The body is too large",
        detail: $"A write to the API may send at most {max / 1024} KiB" + (sent is null ? "." : $"; this one sent {sent / 1024} KiB."));

    /// <summary>
    /// A body sent without a length (chunked) is read here, up to one byte past the limit, and
    /// handed on from memory: at 64 KiB that costs nothing, and it holds on every server.
    /// </summary>
    private static async Task<bool> BufferWithinAsync(HttpRequest request, long max, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > max)
            {
                return false;
            }
        }

        buffer.Position = 0;
        request.Body = buffer;
        request.ContentLength = buffer.Length;
        return true;
    }

    private static bool IsJson(string? contentType) =>
        Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var media)
        && (media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (media.MediaType.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && media.MediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase)));
}
