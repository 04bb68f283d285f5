namespace AllianceTracker.Web.Features.Stances;

/// <summary>Which cells (member × proposal) changed; empty cells mean "anything may have changed" (e.g. a new proposal).</summary>
public sealed record StanceChangeNotice(IReadOnlyList<StanceCell> Cells, string Origin);

public readonly record struct StanceCell(string MemberAlpha3, string ProposalSlug);

/// <summary>
/// Tells open pages and caches that the stance history changed. In-process today; a distributed
/// backplane (e.g. for several app instances) can implement the same interface later.
/// </summary>
public interface IStanceChangeNotifier
{
    /// <summary>Grows by one with every published change; readers compare it to know whether what they hold is current.</summary>
    long Version { get; }

    /// <summary>Subscribe to changes; dispose the result to unsubscribe.</summary>
    IDisposable Subscribe(Func<StanceChangeNotice, Task> onChanged);

    Task PublishAsync(StanceChangeNotice notice);
}

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
