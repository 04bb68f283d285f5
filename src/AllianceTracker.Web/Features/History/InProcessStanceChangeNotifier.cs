namespace AllianceTracker.Web.Features.History;

/// <summary>
/// The fan-out of one app instance. Publishing stamps the notice with the next version, keeps it
/// among the last few hundred (for listeners that reconnect) and offers it to every subscriber's
/// bounded queue without waiting: a save never waits for readers (ADR 0006). Notices numbered by the
/// database (<see cref="Deliver"/>) reach subscribers in version order, which is commit order.
/// </summary>
public sealed partial class InProcessStanceChangeNotifier(ILogger<InProcessStanceChangeNotifier> logger, TimeProvider? clock = null) : IStanceChangeNotifier
{
    /// <summary>How many notices a subscriber may fall behind before it is sent a resync instead.</summary>
    public const int QueueCapacity = 32;

    /// <summary>How many recent notices a reconnecting listener can catch up on.</summary>
    public const int RememberedNotices = 512;

    private readonly Lock _gate = new();
    private readonly Queue<StanceChangeNotice> _recent = new();
    private Subscriber[] _subscribers = [];
    private readonly SortedDictionary<long, StanceChangeNotice> _heldBack = [];
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly ILogger _logger = logger;
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

    private void LogFailure(Exception ex) => Log.SubscriberFailed(_logger, ex);

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "A stance change subscriber failed")]
        public static partial void SubscriberFailed(ILogger logger, Exception exception);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the change notices missed after version {Version}")]
        public static partial void MissedUnread(ILogger logger, Exception exception, long version);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Change notices before version {Version} never arrived; every reader is told to read again")]
        public static partial void NeverArrived(ILogger logger, long version);
    }
}
