using System.Net;
using System.Net.Sockets;

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

/// <summary>Why a stream was refused, and what the reader is told.</summary>
public enum StreamRefusal
{
    None,
    TooManyFromThisClient,
    InstanceFull,
}

/// <summary>
/// Counts the open live streams, per client address and in total, and refuses one past either
/// limit: nothing else stops one host opening streams until the process runs out of files and then
/// memory (a probe took it down with ~19,600). Thread-safe; a lease is given back when its stream ends.
/// </summary>
public sealed class LiveStreamLimits(Microsoft.Extensions.Options.IOptions<LiveStreamOptions> options)
{
    private readonly LiveStreamOptions _options = options.Value;
    private readonly Dictionary<string, int> _perClient = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private int _open;

    /// <summary>Streams open now.</summary>
    public int Open => Volatile.Read(ref _open);

    public int Ceiling => _options.StreamCeiling;

    /// <summary>Takes a place for a stream from <paramref name="client"/>, or says why there is none.</summary>
    public StreamRefusal TryOpen(IPAddress? client, out IDisposable lease)
    {
        var key = KeyOf(client);
        lock (_gate)
        {
            if (_open >= _options.StreamCeiling)
            {
                lease = NoLease.Instance;
                return StreamRefusal.InstanceFull;
            }

            var fromClient = _perClient.GetValueOrDefault(key);
            if (fromClient >= _options.StreamsPerClient)
            {
                lease = NoLease.Instance;
                return StreamRefusal.TooManyFromThisClient;
            }

            _perClient[key] = fromClient + 1;
            _open++;
        }

        lease = new Lease(this, key);
        return StreamRefusal.None;
    }

    private void Close(string key)
    {
        lock (_gate)
        {
            _open--;
            if (_perClient[key] == 1)
            {
                _perClient.Remove(key);
            }
            else
            {
                _perClient[key]--;
            }
        }
    }

    // An IPv6 client gets a /64 (a home or a host usually has a whole one), and an IPv4 client
    // mapped into IPv6 counts as itself.
    private static string KeyOf(IPAddress? client)
    {
        if (client is null)
        {
            return "unknown";
        }

        if (client.IsIPv4MappedToIPv6)
        {
            client = client.MapToIPv4();
        }

        if (client.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return client.ToString();
        }

        var bytes = client.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    private sealed class Lease(LiveStreamLimits limits, string key) : IDisposable
    {
        private int _closed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _closed, 1) == 0)
            {
                limits.Close(key);
            }
        }
    }

    private sealed class NoLease : IDisposable
    {
        public static readonly NoLease Instance = new();

        public void Dispose()
        {
        }
    }
}
