using AllianceTracker.Web.Api;
using AllianceTracker.Web.Features.History;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AllianceTracker.Web.Features.Live;

/// <summary>
/// <c>GET /api/v1/changes/stream</c>: every committed change as a server-sent event, for open
/// reading pages (and anyone else) to follow the history without a circuit.
/// </summary>
public static class ChangeStreamApi
{
    /// <summary>A comment this often keeps proxies and load balancers from closing a quiet stream.</summary>
    public static readonly TimeSpan HeartbeatEvery = TimeSpan.FromSeconds(20);

    public static IEndpointRouteBuilder MapChangeStream(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/v1/changes/stream", IResult (HttpContext context, IStanceChangeNotifier notifier, LiveStreamLimits limits, Microsoft.Extensions.Options.IOptions<LiveStreamOptions> options, IHostApplicationLifetime host, LiveMetrics metrics, long? since) =>
            {
                if (HeadRequests.Is(context))
                {
                    return new ChangeStreamResult(notifier, null, new StreamEnding(HeartbeatEvery, TimeSpan.Zero, host.ApplicationStopping), lease: null);
                }

                return limits.TryOpen(context.Connection.RemoteIpAddress, out var lease) switch
                {
                    StreamRefusal.None => new ChangeStreamResult(notifier, ResumeFrom(context.Request, since), new StreamEnding(HeartbeatEvery, options.Value.DrawLifetime(), host.ApplicationStopping), lease, metrics),
                    var refusal => Refused(context, refusal, options.Value, metrics),
                };
            })
            .WithTags("Live updates")
            .WithName("StreamChanges")
            .WithSummary("Follow committed changes as server-sent events")
            .WithDescription(
                "A text/event-stream. Each committed change is an event named `change`, with `id:` the data version it "
                + "produced and JSON data `{\"version\": 18, \"cells\": [{\"member\": \"HUN\", \"proposal\": \"ukraine-fund\"}]}`, "
                + "or `\"cells\": \"all\"` when anything may have changed (a new proposal). A comment is sent every 20 s. "
                + "To resume after a drop, reconnect with the `Last-Event-ID` header (browsers do) or `?since=<version>`: the "
                + "missed changes are sent first, or one `resync` event (`{\"version\": 18}`) when they are no longer known, "
                + "after which everything should be read again. A stream ends after 10–20 minutes, and at once when the "
                + "instance shuts down, with an event named `reconnect` (`{\"reason\": \"lifetime\"}` or `\"shutdown\"`) and a "
                + "short `retry:`: reconnect with `Last-Event-ID` (browsers do by themselves) and nothing is missed. Event ids "
                + "are the database's data version: they go on across restarts. Open streams are limited per client address and per instance: "
                + "past either limit the answer is 503 with `Retry-After`; follow the stream again after it.")
            .Produces<string>(StatusCodes.Status200OK, "text/event-stream")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithMetadata(StreamedResponse.Instance);
        return endpoints;
    }

    // A reader past a limit is told when to come back; a page shows "live updates paused" and tries again then.
    private static ProblemHttpResult Refused(HttpContext context, StreamRefusal refusal, LiveStreamOptions options, LiveMetrics metrics)
    {
        metrics.Refused(refusal);
        context.Response.Headers.RetryAfter = options.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Problem(
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "Live updates are paused",
            detail: refusal == StreamRefusal.TooManyFromThisClient
                ? $"Your address already follows {options.StreamsPerClient} live streams (one per open page): close some pages, or try again in {options.RetryAfterSeconds} s."
                : $"This server follows as many live streams as it can hold: try again in {options.RetryAfterSeconds} s. Pages still show the latest data when reloaded.");
    }

    /// <summary>The version the listener last saw: the header a reconnecting EventSource sends wins over the query.</summary>
    private static long? ResumeFrom(HttpRequest request, long? since) =>
        long.TryParse(request.Headers["Last-Event-ID"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var lastEventId)
            ? lastEventId
            : since;
}
