using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace AllianceTracker.Load;

/// <summary>
/// N open reading pages, each as the page script behaves: one change stream, and on a change event
/// a refresh of the dashboard through an enhanced-navigation request. Records, per data version
/// (the event's id), when each stream heard it and when its refresh came back.
/// </summary>
public sealed class LiveStreams : IAsyncDisposable
{
    // The page refreshes share at most 512 connections, as readers' page requests reach an
    // instance behind nginx over its pool of kept-alive connections. An instance holds its stream
    // ceiling plus 1,000 connections (Kestrel's limit, TransportSetup): with 10,000 streams open,
    // the 4,096 refresh connections used before were ~3,000 over it, refused and retried — most of
    // the 2.2–2.3 s "page refreshed" p95 reported then, and ~2,000 pages never refreshed in one
    // run (measured 2026-12-06: p95 2.18 s with 4,096, 858 ms with 512; docs/performance.md).
    private const int RefreshConnections = 512;

    private readonly HttpClient _client;
    private readonly HttpClient _pages;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Listener> _listeners = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _latestVersion;
    private bool _disposed;

    public LiveStreams(Uri app)
    {
        _client = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = int.MaxValue,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            AutomaticDecompression = DecompressionMethods.None,
        })
        { BaseAddress = app, Timeout = Timeout.InfiniteTimeSpan };
        _pages = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = RefreshConnections,
            AutomaticDecompression = DecompressionMethods.None,
        })
        { BaseAddress = app, Timeout = Timeout.InfiniteTimeSpan };
    }

    public int Count => _listeners.Count;

    public TimeSpan Now => _clock.Elapsed;

    /// <summary>The newest data version any stream has named, from its opening line or an event.</summary>
    public long LatestVersion => Interlocked.Read(ref _latestVersion);

    /// <summary>Opens <paramref name="count"/> more streams and returns once every one has its first bytes.</summary>
    public async Task OpenAsync(int count)
    {
        var opened = new List<Task>();
        for (var i = 0; i < count; i++)
        {
            var listener = new Listener(this);
            _listeners.Add(listener);
            opened.Add(listener.StartAsync());
            if (i % 200 == 199)
            {
                await Task.WhenAll(opened); // In waves: a burst of thousands at once would measure the accept queue.
                opened.Clear();
            }
        }

        await Task.WhenAll(opened);
    }

    /// <summary>For <paramref name="version"/>: when each stream heard it and when its page showed it; null where it did not.</summary>
    public IReadOnlyList<(TimeSpan? Heard, TimeSpan? Shown)> Of(long version) =>
        _listeners.Select(l => (l.Heard.TryGetValue(version, out var heard) ? heard : (TimeSpan?)null, l.Shown.TryGetValue(version, out var shown) ? shown : (TimeSpan?)null)).ToList();

    /// <summary>Waits until every stream's page shows <paramref name="version"/>, or the ceiling passes.</summary>
    public async Task WaitForAsync(long version, TimeSpan ceiling)
    {
        var until = _clock.Elapsed + ceiling;
        while (_clock.Elapsed < until && _listeners.Any(l => !l.Shown.ContainsKey(version)))
        {
            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await _stop.CancelAsync();
        await Task.WhenAll(_listeners.Select(l => (l.Running ?? Task.CompletedTask).ContinueWith(_ => { }, TaskScheduler.Default)));
        _client.Dispose();
        _pages.Dispose();
    }

    private void Saw(long version)
    {
        long latest;
        do
        {
            latest = Interlocked.Read(ref _latestVersion);
        }
        while (version > latest && Interlocked.CompareExchange(ref _latestVersion, version, latest) != latest);
    }

    private sealed class Listener(LiveStreams owner)
    {
        public ConcurrentDictionary<long, TimeSpan> Heard { get; } = new();

        public ConcurrentDictionary<long, TimeSpan> Shown { get; } = new();

        public Task? Running { get; private set; }

        public async Task StartAsync()
        {
            // Without ?since: the stream names the current version first, then only new changes arrive.
            var response = await owner._client.GetAsync("api/v1/changes/stream", HttpCompletionOption.ResponseHeadersRead, owner._stop.Token);
            response.EnsureSuccessStatusCode();
            var reader = new StreamReader(await response.Content.ReadAsStreamAsync(owner._stop.Token));
            Running = ReadAsync(reader, response);
        }

        private async Task ReadAsync(StreamReader reader, HttpResponseMessage response)
        {
            using (response)
            {
                try
                {
                    long? id = null;
                    string? eventName = null;
                    while (await reader.ReadLineAsync(owner._stop.Token) is { } line)
                    {
                        if (line.StartsWith("id: ", StringComparison.Ordinal))
                        {
                            id = long.Parse(line[4..], CultureInfo.InvariantCulture);
                        }
                        else if (line.StartsWith("event: ", StringComparison.Ordinal))
                        {
                            eventName = line[7..];
                        }
                        else if (line.Length == 0)
                        {
                            if (id is { } version)
                            {
                                owner.Saw(version);
                                if (eventName is "change" or "resync")
                                {
                                    Heard.TryAdd(version, owner.Now);
                                    _ = RefreshAsync(version);
                                }
                            }

                            id = null;
                            eventName = null;
                        }
                    }
                }
                catch (OperationCanceledException)
                {
                    // Stopped.
                }
            }
        }

        // What the page script does on a change: fetch the page again by enhanced navigation.
        private async Task RefreshAsync(long version)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "/");
                request.Headers.TryAddWithoutValidation("Accept", "text/html; blazor-enhanced-nav=on");
                request.Headers.TryAddWithoutValidation("Accept-Encoding", Throughput.AcceptEncoding);
                using var response = await owner._pages.SendAsync(request, owner._stop.Token);
                await response.Content.ReadAsByteArrayAsync(owner._stop.Token);
                if (response.IsSuccessStatusCode)
                {
                    Shown.TryAdd(version, owner.Now);
                }
            }
            catch (OperationCanceledException)
            {
                // Stopped.
            }
        }
    }
}
