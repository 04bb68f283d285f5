using System.Threading.Channels;

namespace AllianceTracker.Web.Features.History;

/// <summary>
/// The fan-out of one app instance. Publishing stamps the notice with the next version, keeps it
/// among the last few hundred (for listeners that reconnect) and offers it to every subscriber's
/// bounded queue without waiting: a save never waits for readers (ADR 0006). Notices numbered by the
/// database (<see cref="Deliver"/>) reach subscribers in version order, which is commit order.
/// </summary>
public sealed class InProcessStanceChangeNotifier(ILogger<InProcessStanceChangeNotifier> logger, TimeProvider? clock = null) : IStanceChangeNotifier
{
    /// <summary>
    /// How long a notice that arrives ahead of an earlier one is held for the earlier one: a saving
    /// instance hears its own change at once, and one committed just before it a few milliseconds
    /// later through the database. Past this, the earlier one is taken as lost and a resync is sent.
    /// </summary>
    public static readonly TimeSpan GapPatience = TimeSpan.FromSeconds(1);

    /// <summary>How many notices a subscriber may fall behind before it is sent a resync instead.</summary>
    public const int QueueCapacity = 32;

    /// <summary>How many recent notices a reconnecting listener can catch up on.</summary>
    public const int RememberedNotices = 512;

    private readonly Lock _gate = new();
    private readonly Queue<StanceChangeNotice> _recent = new();
    private Subscriber[] _subscribers = [];
    private readonly SortedDictionary<long, StanceChangeNotice> _heldBack = [];
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private ITimer? _gapTimer;
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
        lock (_gate)
        {
            // Numbered and offered under the lock, so every queue gets notices in version order (an
            // offer never waits). The version moves before anyone is told: whoever reads straight
            // away gets a fresh picture.
            var numbered = notice with { Version = Interlocked.Increment(ref _version) };
            Offer(Remember(numbered), numbered);
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Fans out a notice numbered elsewhere (the database). One at or below the current version is
    /// old news and dropped. One that skips versions is held back until the ones before it arrive,
    /// then all go out in order; if they have not come within <see cref="GapPatience"/>, they were
    /// missed, and subscribers get one resync at the newest version instead.
    /// </summary>
    public void Deliver(StanceChangeNotice numbered)
    {
        lock (_gate)
        {
            var current = Interlocked.Read(ref _version);
            if (numbered.Version <= current)
            {
                return;
            }

            if (numbered.Version > current + 1)
            {
                _heldBack[numbered.Version] = numbered;
                _gapTimer ??= _clock.CreateTimer(_ => GiveUpOnGap(), null, GapPatience, Timeout.InfiniteTimeSpan);
                return;
            }

            DeliverInOrder(numbered);
            while (_heldBack.Remove(Interlocked.Read(ref _version) + 1, out var next))
            {
                DeliverInOrder(next);
            }

            if (_heldBack.Count == 0)
            {
                StopWaitingForGap();
            }
        }
    }

    /// <summary>Whether it has started from a database's version (<see cref="StartFrom"/> or <see cref="CatchUpTo"/>).</summary>
    public bool IsStarted
    {
        get
        {
            lock (_gate)
            {
                return _started;
            }
        }
    }

    /// <summary>How many notices are held back waiting for an earlier one (for tests).</summary>
    public int HeldBack
    {
        get
        {
            lock (_gate)
            {
                return _heldBack.Count;
            }
        }
    }

    /// <summary>
    /// Starts from what the database remembers (at start-up): its version, and the notices before it
    /// that a listener reconnecting across a restart may have missed. Nobody subscribed held anything.
    /// </summary>
    public void StartFrom(long version, IEnumerable<StanceChangeNotice> remembered)
    {
        lock (_gate)
        {
            _started = true;
            Interlocked.Exchange(ref _version, version);
            _recent.Clear();
            foreach (var notice in remembered.Where(n => n.Version <= version).OrderBy(n => n.Version).TakeLast(RememberedNotices))
            {
                _recent.Enqueue(notice);
            }
        }
    }

    private void DeliverInOrder(StanceChangeNotice numbered)
    {
        Interlocked.Exchange(ref _version, numbered.Version);
        Offer(Remember(numbered), numbered);
    }

    /// <summary>
    /// Where notices that never arrived can be read back (the database's recent notices): asked,
    /// with the versions after which and up to which they are missing, before a gap becomes a
    /// resync. Null: nowhere. It answers null when it cannot.
    /// </summary>
    public Func<long, long, IReadOnlyList<StanceChangeNotice>?>? ReadMissed { get; set; }

    private void GiveUpOnGap()
    {
        long current;
        long newest;
        lock (_gate)
        {
            if (_heldBack.Count == 0)
            {
                StopWaitingForGap();
                return;
            }

            current = Interlocked.Read(ref _version);
            newest = _heldBack.Keys.Max();
        }

        // Outside the lock: a database read. A NOTIFY lost with a dropped connection is still in
        // the database's recent notices, so readers get it rather than "read everything again".
        IReadOnlyList<StanceChangeNotice>? missed = null;
        try
        {
            missed = ReadMissed?.Invoke(current, newest);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not read the change notices missed after version {Version}", current);
        }

        lock (_gate)
        {
            StopWaitingForGap();
            foreach (var notice in missed ?? [])
            {
                if (notice.Version == Interlocked.Read(ref _version) + 1)
                {
                    DeliverInOrder(notice);
                    _heldBack.Remove(notice.Version);
                }
            }

            while (_heldBack.Remove(Interlocked.Read(ref _version) + 1, out var next))
            {
                DeliverInOrder(next);
            }

            if (_heldBack.Count == 0)
            {
                return;
            }

            newest = _heldBack.Keys.Max();
            _heldBack.Clear();
            _recent.Clear();
            Interlocked.Exchange(ref _version, newest);
            logger.LogWarning("Change notices before version {Version} never arrived; every reader is told to read again", newest);
            Offer(_subscribers, StanceChangeNotice.Resync(newest));
        }
    }

    private void StopWaitingForGap()
    {
        _gapTimer?.Dispose();
        _gapTimer = null;
    }

    /// <summary>
    /// Moves to <paramref name="version"/> (the database's, read when a listener connects or
    /// reconnects): if it is ahead, whatever happened meanwhile is unknown here, so every subscriber
    /// is told to read everything again.
    /// </summary>
    public void CatchUpTo(long version)
    {
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
            foreach (var old in _heldBack.Keys.Where(v => v <= version).ToList())
            {
                _heldBack.Remove(old);
            }

            if (!first)
            {
                Offer(_subscribers, StanceChangeNotice.Resync(version));
            }

            // (At start-up nobody held anything older: no resync.) What waited for this gap goes out now.
            while (_heldBack.Remove(Interlocked.Read(ref _version) + 1, out var next))
            {
                DeliverInOrder(next);
            }
        }
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
