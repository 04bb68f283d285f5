namespace AllianceTracker.Web.Api;

/// <summary>
/// What an API client gets when a request fails on the server: problem details, never an HTML
/// page, in every environment. A database that cannot take the write now (busy past its timeout,
/// full, read-only) is 503 with Retry-After; anything else is 500 with a reference that is also in
/// the log, so an operator can find what happened.
/// </summary>
public static class ApiFaults
{
    public static IApplicationBuilder UseApiFaults(this IApplicationBuilder app, Func<Exception, bool> isUnavailable, int retryAfterSeconds) =>
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/api"), api => api.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (Exception ex) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
            {
                var reference = context.TraceIdentifier;
                var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("AllianceTracker.Api");
                context.Response.Clear();
                if (isUnavailable(ex))
                {
                    logger.LogWarning(ex, "Database unavailable for {Method} {Path}; answered 503 (reference {Reference})", context.Request.Method, context.Request.Path, reference);
                    context.Response.Headers.RetryAfter = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    await Results.Problem(
                        statusCode: StatusCodes.Status503ServiceUnavailable,
                        title: "The database is busy",
                        detail: $"Nothing was saved. Try again in {retryAfterSeconds} seconds.",
                        extensions: new Dictionary<string, object?> { ["reference"] = reference }).ExecuteAsync(context);
                    return;
                }

                logger.LogError(ex, "Unhandled error for {Method} {Path} (reference {Reference})", context.Request.Method, context.Request.Path, reference);
                await Results.Problem(
                    statusCode: StatusCodes.Status500InternalServerError,
                    title: "Something went wrong on the server",
                    detail: $"Quote the reference {reference} to the operator.",
                    extensions: new Dictionary<string, object?> { ["reference"] = reference }).ExecuteAsync(context);
            }
        }));
}
