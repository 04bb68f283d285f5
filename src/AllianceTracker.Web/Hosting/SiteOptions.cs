namespace AllianceTracker.Web.Hosting;

public sealed class SiteOptions
{
    public const string Section = "Site";

    /// <summary>
    /// The address readers use, e.g. https://tracker.example.org: absolute links (feed ids, "Cite
    /// as") are made from it, never from a request's Host header. Https here also makes cookies
    /// Secure with the __Host- prefix. Empty: links follow the request (development).
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>
    /// A name for this instance in a cluster (e.g. "1"), sent as <c>X-Alliance-Instance</c> on every
    /// response so operators and tests can tell which instance answered; never its address. Empty: not sent.
    /// </summary>
    public string? InstanceName { get; set; }

    /// <summary>Reverse proxies whose X-Forwarded-For/-Proto are believed (loopback always is).</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of such proxies in CIDR form, e.g. 10.0.0.0/8.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    public bool IsHttps => PublicBaseUrl?.StartsWith("https://", StringComparison.OrdinalIgnoreCase) == true;
}
