using AllianceTracker.Web.Features.History;

namespace AllianceTracker.Web.Features.Positions;

/// <summary>
/// The shared read model: one picture per date, read once per change and shared by every page and
/// API request, instead of each of them querying the database.
/// </summary>
public sealed class AlliancePictureCache(AlliancePictureReader reader, IStanceChangeNotifier notifier)
{
    // Dates other than today are kept too (as-of views, permalinks). The least recently used date
    // goes when the cache is full, so a crawler walking through dates costs one read per date and
    // does not push out the dates people are looking at.
    private const int MaxDates = 64;

    private readonly Lock _gate = new();
    private readonly Dictionary<DateOnly, LinkedListNode<Entry>> _entries = [];
    private readonly LinkedList<Entry> _mostRecentFirst = new();

    public DateOnly Today => reader.Today;

    /// <summary>How many dates are held; lets tests see the bound.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    public Task<AlliancePicture> GetAsync(DateOnly? asOf = null, CancellationToken cancellationToken = default) =>
        GetAsync(asOf, readAgain: false, cancellationToken);

    /// <summary>
    /// A read begun now, whatever is held, shared with whoever asks next: for an editor's page
    /// right after its own save committed, which must show it even while this instance's version
    /// has not moved yet (its notice held back for an earlier one that has not arrived).
    /// </summary>
    public Task<AlliancePicture> ReadAgainAsync(DateOnly? asOf = null, CancellationToken cancellationToken = default) =>
        GetAsync(asOf, readAgain: true, cancellationToken);

    private Task<AlliancePicture> GetAsync(DateOnly? asOf, bool readAgain, CancellationToken cancellationToken)
    {
        var date = asOf ?? reader.Today;
        // Read before the read begins, so a picture is never kept under a version newer than the
        // data it was read from: at worst it is read again once more.
        var version = notifier.Version;
        Entry entry;
        lock (_gate)
        {
            if (_entries.TryGetValue(date, out var node) && !readAgain && node.Value.Version == version && !node.Value.Failed)
            {
                _mostRecentFirst.Remove(node);
                _mostRecentFirst.AddFirst(node);
                entry = node.Value;
            }
            else
            {
                if (node is not null)
                {
                    _mostRecentFirst.Remove(node);
                }

                // Not tied to one caller's cancellation: the read is shared by everyone who asks meanwhile.
                entry = new Entry(date, version, new Lazy<Task<AlliancePicture>>(() => reader.ReadAsync(date, CancellationToken.None)));
                _entries[date] = _mostRecentFirst.AddFirst(entry);
                if (_entries.Count > MaxDates)
                {
                    _entries.Remove(_mostRecentFirst.Last!.Value.Date);
                    _mostRecentFirst.RemoveLast();
                }
            }
        }

        // Started outside the lock, once: whoever asks for the same date meanwhile shares the read.
        var picture = entry.Picture.Value;
        return picture.IsCompletedSuccessfully ? picture : picture.WaitAsync(cancellationToken);
    }

    private sealed record Entry(DateOnly Date, long Version, Lazy<Task<AlliancePicture>> Picture)
    {
        public bool Failed => Picture.IsValueCreated && (Picture.Value.IsFaulted || Picture.Value.IsCanceled);
    }
}
