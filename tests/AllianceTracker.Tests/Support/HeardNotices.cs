using System.Collections.Concurrent;
using AllianceTracker.Web.Features.History;

namespace AllianceTracker.Tests.Support;

/// <summary>
/// A subscriber that keeps what it hears. Notices arrive on the subscriber's own queue, after
/// publishing returns, so tests wait for them (with a ceiling) instead of reading straight away.
/// </summary>
public sealed class HeardNotices : IDisposable
{
    private readonly ConcurrentQueue<StanceChangeNotice> _heard = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private readonly IDisposable _subscription;

    public HeardNotices(IStanceChangeNotifier notifier, Func<StanceChangeNotice, Task>? alsoDo = null) =>
        _subscription = notifier.Subscribe(async notice =>
        {
            if (alsoDo is not null)
            {
                await alsoDo(notice);
            }

            _heard.Enqueue(notice);
            _arrived.Release();
        });

    public IReadOnlyList<StanceChangeNotice> All => [.. _heard];

    /// <summary>Waits until <paramref name="count"/> notices have arrived; fails after 10 s.</summary>
    public async Task<IReadOnlyList<StanceChangeNotice>> WaitForAsync(int count)
    {
        for (var i = _arrivedCount; i < count; i++, _arrivedCount++)
        {
            Assert.True(await _arrived.WaitAsync(TimeSpan.FromSeconds(10)), $"only {_heard.Count} of {count} notices arrived");
        }

        return All;
    }

    private int _arrivedCount;

    public void Dispose()
    {
        _subscription.Dispose();
        _arrived.Dispose();
    }
}
