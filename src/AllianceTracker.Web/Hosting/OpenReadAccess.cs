namespace AllianceTracker.Web.Hosting;

/// <summary>
/// Cross-origin reading (CORS): a newsroom's page may read the read API, the change stream, the
/// exports and the feeds from its own site — what any reader may read, never with credentials
/// (<c>Access-Control-Allow-Origin: *</c> makes browsers refuse to send cookies with it). Writes stay
/// same-site: they need the session cookie and <c>X-Requested-With</c>, which a cross-origin page
/// could only send after a preflight this policy never grants (GET and HEAD only).
/// </summary>
public static class OpenReadAccess
{
    private const string PolicyName = "open-read";

    public static WebApplicationBuilder AddOpenReadAccess(this WebApplicationBuilder builder)
    {
        builder.Services.AddCors(options => options.AddPolicy(PolicyName, policy => policy
            .AllowAnyOrigin()
            .WithMethods(HttpMethods.Get, HttpMethods.Head)
            // Last-Event-ID: an EventSource resuming after a drop; If-None-Match: a conditional read.
            .WithHeaders("Last-Event-ID", "If-None-Match")
            .WithExposedHeaders("ETag", "Content-Disposition", "Retry-After")
            .SetPreflightMaxAge(TimeSpan.FromDays(1))));
        return builder;
    }

    /// <summary>CORS for reads of <c>/api</c> and <c>/feeds</c> (and their preflights); pages and writes get no CORS headers.</summary>
    public static WebApplication UseOpenReadAccess(this WebApplication app)
    {
        app.UseWhen(IsOpenRead, branch => branch.UseCors(PolicyName));
        return app;
    }

    private static bool IsOpenRead(HttpContext context) =>
        (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || HttpMethods.IsOptions(context.Request.Method))
        && (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/feeds"));
}
