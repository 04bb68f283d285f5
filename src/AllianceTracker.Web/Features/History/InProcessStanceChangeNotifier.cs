using System.Threading.Channels;

namespace AllianceTracker.Web.Features.History;

/// <summary>
/// The notifier for one app instance. Publishing stamps the notice with the next version, keeps it
/// among the last few hundred (for listeners that reconnect) and offers it to every subscriber's
/// bounded queue without waiting: a save never waits for readers (ADR 0006).
/// </summary>
public sealed class InProcessStanceChangeNotifier(ILogger<InProcessStanceChangeNotifier> logger) : IStanceChangeNotifier
{
    /// <summary>How many notices a subscriber may fall behind before it is sent a resync instead.</summary>
    public const int QueueCapacity = 32;

    /// <summary>How many recent notices a reconnecting listener can catch up on.</summary>
    public const int RememberedNotices = 512;

    private readonly Lock _gate = new();
    private readonly Queue<StanceChangeNotice> _recent = new();
    private Subscriber[] _subscribers = [];
    private long _version;
    private bool _started;

    public long Version => Interlocked.Read(ref _version);

    /// <summary>How many subscribers are listening; lets tests check that closed pages let go.</summary>
    public int SubscriberCount => Volatile.Read(ref _subscribers).Length;

    public IDisposable Subscribe(Func<StanceChangeNotice, Task> onChanged)
    {
        var subscriber = new Subscriber(this, onChanged);
        lock (_gate)
        {
            _subscribers = [.. _subscribers, subscriber];
        }

        subscriber.Start();
        return subscriber;
    }

    public Task PublishAsync(StanceChangeNotice notice)
    {
        StanceChangeNotice numbered;
        Subscriber[] subscribers;
        lock (_gate)
        {
            // Numbered under the lock, so versions follow the order notices reach every queue. The
            // version moves before anyone is told: whoever reads straight away gets a fresh picture.
            numbered = notice with { Version = Interlocked.Increment(ref _version) };
            subscribers = Remember(numbered);
        }

        Offer(subscribers, numbered);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Fans out a notice numbered elsewhere (the database, for several instances). One at or below
    /// the current version is old news and dropped; one that skips versions means notices were
    /// missed, so subscribers get a resync at its version instead.
    /// </summary>
    public void Deliver(StanceChangeNotice numbered)
    {
        Subscriber[] subscribers;
        StanceChangeNotice delivered;
        lock (_gate)
        {
            var current = Interlocked.Read(ref _version);
            if (numbered.Version <= current)
            {
                return;
            }

            delivered = numbered.Version == current + 1 ? numbered : StanceChangeNotice.Resync(numbered.Version);
            if (delivered.IsResync)
            {
                _recent.Clear();
            }

            Interlocked.Exchange(ref _version, numbered.Version);
            subscribers = delivered.IsResync ? _subscribers : Remember(delivered);
        }

        Offer(subscribers, delivered);
    }

    /// <summary>
    /// Moves to <paramref name="version"/> (the database's, read when a listener connects or
    /// reconnects): if it is ahead, whatever happened meanwhile is unknown here, so every subscriber
    /// is told to read everything again.
    /// </summary>
    public void CatchUpTo(long version)
    {
        Subscriber[] subscribers;
        lock (_gate)
        {
            var first = !_started;
            _started = true;
            if (version <= Interlocked.Read(ref _version))
            {
                return;
            }

            Interlocked.Exchange(ref _version, version);
            _recent.Clear();
            if (first)
            {
                // The first reading at start-up: nobody held anything older.
                return;
            }

            subscribers = _subscribers;
        }

        Offer(subscribers, StanceChangeNotice.Resync(version));
    }

    private Subscriber[] Remember(StanceChangeNotice numbered)
    {
        _recent.Enqueue(numbered);
        if (_recent.Count > RememberedNotices)
        {
            _recent.Dequeue();
        }

        return _subscribers;
    }

    private static void Offer(Subscriber[] subscribers, StanceChangeNotice notice)
    {
        foreach (var subscriber in subscribers)
        {
            subscriber.Offer(notice);
        }
    }

    public IReadOnlyList<StanceChangeNotice>? Since(long version)
    {
        lock (_gate)
        {
            var current = Interlocked.Read(ref _version);
            if (version < 0 || version > current)
            {
                return null;
            }

            var oldestRemembered = _recent.Count > 0 ? _recent.Peek().Version : current + 1;
            return version + 1 < oldestRemembered && version < current ? null : _recent.Where(n => n.Version > version).ToList();
        }
    }

    private void Remove(Subscriber subscriber)
    {
        lock (_gate)
        {
            _subscribers = [.. _subscribers.Where(s => s != subscriber)];
        }
    }

    private sealed class Subscriber(InProcessStanceChangeNotifier owner, Func<StanceChangeNotice, Task> onChanged) : IDisposable
    {
        private readonly Channel<StanceChangeNotice> _queue = Channel.CreateBounded<StanceChangeNotice>(
            new BoundedChannelOptions(QueueCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

        private int _fellBehind;
        private int _disposed;

        public void Start() => _ = Task.Run(DeliverAsync);

        /// <summary>Never blocks the publisher: a full queue only marks the subscriber for a resync.</summary>
        public void Offer(StanceChangeNotice notice)
        {
            if (!_queue.Writer.TryWrite(notice))
            {
                Volatile.Write(ref _fellBehind, 1);
            }
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Remove(this);
                _queue.Writer.TryComplete();
            }
        }

        private async Task DeliverAsync()
        {
            await foreach (var notice in _queue.Reader.ReadAllAsync())
            {
                var next = notice;
                if (Interlocked.Exchange(ref _fellBehind, 0) == 1)
                {
                    // What is still queued is older news than the resync that replaces it, and the
                    // resync is as new as the latest version, dropped notices included.
                    while (_queue.Reader.TryRead(out _))
                    {
                    }

                    next = StanceChangeNotice.Resync(owner.Version);
                }

                try
                {
                    await onChanged(next);
                }
                catch (Exception ex)
                {
                    // One broken page must not stop the others hearing about changes, nor itself hearing the next one.
                    owner.LogFailure(ex);
                }
            }
        }
    }

    private void LogFailure(Exception ex) => logger.LogWarning(ex, "A stance change subscriber failed");
}
