namespace AllianceTracker.Web.Api;

/// <summary>
/// Where absolute links point (feed ids, "Cite as" permalinks): the configured public base URL,
/// so a forged Host header cannot rewrite them; without one (development), the request's own.
/// </summary>
public sealed class PublicAddress(string? configuredBaseUrl)
{
    private readonly string? _baseUrl = string.IsNullOrWhiteSpace(configuredBaseUrl) ? null : configuredBaseUrl.TrimEnd('/');

    /// <summary>The base URL without a trailing slash, e.g. https://tracker.example.org.</summary>
    public string BaseUrl(HttpContext context) =>
        _baseUrl ?? $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}";

    /// <summary>An absolute link to <paramref name="path"/>; <paramref name="requestBaseUri"/> (a page's NavigationManager.BaseUri) only when no public URL is configured.</summary>
    public string Link(string requestBaseUri, string path) => $"{_baseUrl ?? requestBaseUri.TrimEnd('/')}/{path.TrimStart('/')}";
}
