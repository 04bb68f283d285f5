namespace AllianceTracker.Web.Features.Live;

/// <summary>Settings of the live stream's limits (section <c>Live</c>; docs/operations.md).</summary>
public sealed class LiveStreamOptions
{
    public const string Section = "Live";

    /// <summary>
    /// Open streams one client address may hold (an IPv6 client: its /64). A reader has one per
    /// open page; 16 is more tabs than anyone reads at once, and far fewer than a flood needs.
    /// </summary>
    public int StreamsPerClient { get; set; } = 16;

    /// <summary>
    /// Open streams this instance holds at most. Each costs about 16 KB of managed heap and 19 KB of
    /// working set (docs/performance.md): 10,000 is ~350 MB, and one edit reaches them all in about
    /// a second on 2 cores. Past it, readers are told to come back (and, in a cluster, reach
    /// another instance).
    /// </summary>
    public int StreamCeiling { get; set; } = 10_000;

    /// <summary>What a refused stream's Retry-After says, in seconds.</summary>
    public int RetryAfterSeconds { get; set; } = 30;

    /// <summary>
    /// A stream ends after a lifetime drawn between these two, with a <c>reconnect</c> event; the
    /// reader reconnects at once (through a balancer: to the least busy instance) and misses
    /// nothing. So streams spread again over the instances within 20 minutes after a failover piled
    /// them onto one (issue 29).
    /// </summary>
    public TimeSpan ShortestLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <inheritdoc cref="ShortestLifetime"/>
    public TimeSpan LongestLifetime { get; set; } = TimeSpan.FromMinutes(20);

    /// <summary>A lifetime between <see cref="ShortestLifetime"/> and <see cref="LongestLifetime"/>, drawn at random.</summary>
    public TimeSpan DrawLifetime() =>
        ShortestLifetime + ((LongestLifetime - ShortestLifetime) * Random.Shared.NextDouble());
}
