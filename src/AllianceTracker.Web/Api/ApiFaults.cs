using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.AspNetCore.WebUtilities;

namespace AllianceTracker.Web.Api;

/// <summary>
/// What an API client gets when a request fails: problem details (<c>application/problem+json</c>),
/// never an HTML page or an empty body, in every environment. A request the framework cannot read
/// (a missing parameter, malformed JSON) is a 400 with an <c>errors</c> map like the app's own; a
/// bare status from the framework (401, 403, 404, 405 with <c>Allow</c>, 413) gets a body saying what
/// it means. A database that cannot take the write now (busy past its timeout, full, read-only) is
/// 503 with Retry-After; anything else is 500 with a reference that is also in the log.
/// </summary>
public static partial class ApiFaults
{
    public static IApplicationBuilder UseApiFaults(this IApplicationBuilder app, Func<Exception, bool> isUnavailable, int retryAfterSeconds) =>
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/api"), api => api.Use(async (context, next) =>
        {
            try
            {
                await next(context);
                await DescribeBareStatusAsync(context);
            }
            catch (BadHttpRequestException ex) when (!context.Response.HasStarted)
            {
                context.Response.Clear();
                var (title, errors) = Unreadable(ex);
                await TypedResults.Problem(new HttpValidationProblemDetails(errors)
                {
                    Status = ex.StatusCode,
                    Title = title,
                    Detail = string.Join(" ", errors.Values.SelectMany(v => v)),
                }).ExecuteAsync(context);
            }
            catch (Exception ex) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
            {
                var reference = context.TraceIdentifier;
                var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("AllianceTracker.Api");
                context.Response.Clear();
                if (isUnavailable(ex))
                {
                    Log.DatabaseUnavailable(logger, ex, context.Request.Method, context.Request.Path, reference);
                    context.Response.Headers.RetryAfter = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    await Results.Problem(
                        statusCode: StatusCodes.Status503ServiceUnavailable,
                        title: "The database is busy",
                        detail: $"Nothing was saved. Try again in {retryAfterSeconds} seconds.",
                        extensions: new Dictionary<string, object?> { ["reference"] = reference }).ExecuteAsync(context);
                    return;
                }

                Log.UnhandledError(logger, ex, context.Request.Method, context.Request.Path, reference);
                await Results.Problem(
                    statusCode: StatusCodes.Status500InternalServerError,
                    title: "Something went wrong on the server",
                    detail: $"Quote the reference {reference} to the operator.",
                    extensions: new Dictionary<string, object?> { ["reference"] = reference }).ExecuteAsync(context);
            }
        }));

    /// <summary>
    /// The framework's words for a request it could not bind ("Required parameter \"string from\"
    /// was not provided from query string.") keyed by the parameter, or for JSON by the path in the
    /// body where reading stopped; .NET type names are left out.
    /// </summary>
    private static (string Title, Dictionary<string, string[]> Errors) Unreadable(BadHttpRequestException ex)
    {
        if (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return ("The body is too large", new() { ["body"] = ["The request body is larger than this endpoint takes."] });
        }

        if (ex.InnerException is JsonException json)
        {
            var where = string.IsNullOrEmpty(json.Path) ? "$" : json.Path;
            // "The JSON value could not be converted to AllianceTracker.…SnapshotBody." names a .NET type: say it plainly.
            var reason = json.Message.Contains("could not be converted", StringComparison.Ordinal)
                ? "the value is not of the type this field takes (see the schema in /openapi/v1.json)."
                : json.Message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0].Trim();
            return ("The body is not valid JSON for this request", new() { [where] = [$"Not readable at {where}: {reason}"] });
        }

        var match = ParameterName().Match(ex.Message);
        var name = match.Success ? match.Groups["name"].Value : "request";
        var message = ParameterName().Replace(ex.Message, $"parameter '{name}'");
        if (message.Contains("no body was provided", StringComparison.Ordinal) || (message.Contains("was not provided from body", StringComparison.Ordinal)))
        {
            return ("The request has no body", new() { ["body"] = ["This request needs a JSON body."] });
        }

        return ("The request could not be read", new() { [name] = [message.Replace("Did you mean to use a Service instead?", "", StringComparison.Ordinal).Trim()] });
    }

    [GeneratedRegex(@"parameter ""(?:[^""\s]+ )?(?<name>[^""\s]+)""")]
    private static partial Regex ParameterName();

    /// <summary>The methods the app's own routes take at this path (HEAD wherever GET), in a stable order.</summary>
    private static List<string> AllowedMethods(HttpContext context)
    {
        var path = context.Request.Path;
        var methods = context.RequestServices.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && raw.StartsWith("/api", StringComparison.Ordinal) && !raw.Contains("**", StringComparison.Ordinal)
                && new TemplateMatcher(TemplateParser.Parse(raw), new RouteValueDictionary()).TryMatch(path, new RouteValueDictionary()))
            .SelectMany(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (methods.Contains(HttpMethods.Get))
        {
            methods.Add(HttpMethods.Head);
        }

        string[] order = [HttpMethods.Get, HttpMethods.Head, HttpMethods.Post, HttpMethods.Put, HttpMethods.Patch, HttpMethods.Delete];
        return [.. methods.OrderBy(m => Array.IndexOf(order, m.ToUpperInvariant()) is var i and >= 0 ? i : order.Length)];
    }

    /// <summary>A status the framework set without a body (authorization, routing, limits) gets one.</summary>
    private static async Task DescribeBareStatusAsync(HttpContext context)
    {
        var response = context.Response;
        if (response.HasStarted || response.StatusCode < 400 || !string.IsNullOrEmpty(response.ContentType) || response.ContentLength > 0)
        {
            return;
        }

        var path = context.Request.Path.Value;
        if (response.StatusCode == StatusCodes.Status405MethodNotAllowed)
        {
            // The framework's 405 counts the static-file fallback ({**path:file}, GET) as a match
            // before its constraint is checked: the methods are worked out from the API's own routes.
            var allowed = AllowedMethods(context);
            if (allowed.Count == 0)
            {
                response.StatusCode = StatusCodes.Status404NotFound;
                response.Headers.Remove("Allow");
            }
            else
            {
                response.Headers.Allow = string.Join(", ", allowed);
            }
        }

        var (title, detail) = response.StatusCode switch
        {
            StatusCodes.Status401Unauthorized => ("Sign in required", "This needs a signed-in account: sign in at /account/sign-in and send its cookie."),
            StatusCodes.Status403Forbidden => ("Not allowed", "Your account's role does not allow this (editors write; administrators import and manage accounts)."),
            StatusCodes.Status404NotFound => context.GetEndpoint() is null || context.GetEndpoint()?.DisplayName == "405 HTTP Method Not Supported"
                ? ("No such API endpoint", $"There is no API endpoint at {path}; the endpoints are listed at /openapi/v1.json.")
                : ("Not found", $"Nothing is at {path}."),
            StatusCodes.Status405MethodNotAllowed => ("Method not allowed", $"{context.Request.Method} is not allowed on {path}; allowed: {response.Headers.Allow}."),
            _ => (ReasonPhrases.GetReasonPhrase(response.StatusCode), (string?)null),
        };
        await TypedResults.Problem(statusCode: response.StatusCode, title: title, detail: detail).ExecuteAsync(context);
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Database unavailable for {Method} {Path}; answered 503 (reference {Reference})")]
        public static partial void DatabaseUnavailable(ILogger logger, Exception exception, string method, PathString path, string reference);

        [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error for {Method} {Path} (reference {Reference})")]
        public static partial void UnhandledError(ILogger logger, Exception exception, string method, PathString path, string reference);
    }
}
