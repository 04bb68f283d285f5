using System.Net;
using System.Net.Sockets;

namespace AllianceTracker.Web.Features.Live;

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
