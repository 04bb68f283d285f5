namespace AllianceTracker.Web.Hosting;

/// <summary>Who may read <c>/metrics</c> (section <c>Metrics</c>; docs/operations.md#metrics).</summary>
public sealed class MetricsOptions
{
    public const string Section = "Metrics";

    /// <summary>
    /// Networks besides loopback whose addresses may scrape, in CIDR (<c>10.0.0.0/8</c>). Everyone
    /// else gets 404: the figures say how busy the tracker is and when, which is not for the public.
    /// Behind nginx the address is the reader's own (forwarded headers), so a scrape through the
    /// public site is refused too.
    /// </summary>
    public string[] AllowedNetworks { get; set; } = [];
}
