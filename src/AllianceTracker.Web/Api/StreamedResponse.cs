namespace AllianceTracker.Web.Api;

/// <summary>
/// Endpoint metadata: the response is a stream that stays open (server-sent events). Middleware
/// that buffers a whole response — ETags, the output cache, compression — must leave it alone.
/// </summary>
public sealed class StreamedResponse
{
    public static StreamedResponse Instance { get; } = new();

    public static bool Is(HttpContext context) => context.GetEndpoint()?.Metadata.GetMetadata<StreamedResponse>() is not null;
}
