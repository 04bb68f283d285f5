namespace AllianceTracker.Web.Features.History;

/// <summary>The notifier for one app instance: subscribers are the pages and caches of this process.</summary>
public sealed class InProcessStanceChangeNotifier(ILogger<InProcessStanceChangeNotifier> logger) : IStanceChangeNotifier
{
    private readonly Lock _gate = new();
    private readonly List<Func<StanceChangeNotice, Task>> _subscribers = [];
    private long _version;

    public long Version => Interlocked.Read(ref _version);

    public IDisposable Subscribe(Func<StanceChangeNotice, Task> onChanged)
    {
        lock (_gate)
        {
            _subscribers.Add(onChanged);
        }

        return new Subscription(this, onChanged);
    }

    public async Task PublishAsync(StanceChangeNotice notice)
    {
        // The version moves before anyone is told, so a subscriber that reads straight away
        // never gets a cached picture from before the change.
        Interlocked.Increment(ref _version);
        Func<StanceChangeNotice, Task>[] subscribers;
        lock (_gate)
        {
            subscribers = [.. _subscribers];
        }

        foreach (var subscriber in subscribers)
        {
            try
            {
                await subscriber(notice);
            }
            catch (Exception ex)
            {
                // One broken page must not stop the others from hearing about the change.
                logger.LogWarning(ex, "A stance change subscriber failed");
            }
        }
    }

    private void Unsubscribe(Func<StanceChangeNotice, Task> onChanged)
    {
        lock (_gate)
        {
            _subscribers.Remove(onChanged);
        }
    }

    /// <summary>How many subscribers are listening; lets tests check that disposed pages let go.</summary>
    public int SubscriberCount
    {
        get
        {
            lock (_gate)
            {
                return _subscribers.Count;
            }
        }
    }

    private sealed class Subscription(InProcessStanceChangeNotifier owner, Func<StanceChangeNotice, Task> onChanged) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Unsubscribe(onChanged);
            }
        }
    }
}
