using System.Threading.Channels;

namespace AllianceTracker.Web.Features.History;

public sealed partial class InProcessStanceChangeNotifier
{
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
}
