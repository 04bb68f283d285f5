using System.Collections.Concurrent;
using AllianceTracker.Web.Features.History;

namespace AllianceTracker.Web.Features.Positions;

/// <summary>
/// The shared read model: one picture per date, read once per change and shared by every circuit
/// and API request, instead of each of them querying the database.
/// </summary>
public sealed class AlliancePictureCache(AlliancePictureReader reader, IStanceChangeNotifier notifier)
{
    // Dates other than today are kept too (as-of views, permalinks); the bound keeps a crawler
    // walking through dates from growing the cache without limit.
    private const int MaxDates = 64;

    private readonly ConcurrentDictionary<DateOnly, Entry> _entries = new();

    public DateOnly Today => reader.Today;

    public Task<AlliancePicture> GetAsync(DateOnly? asOf = null, CancellationToken cancellationToken = default)
    {
        var date = asOf ?? reader.Today;
        var version = notifier.Version;
        if (_entries.TryGetValue(date, out var entry) && entry.Version == version && !entry.Picture.IsFaulted && !entry.Picture.IsCanceled)
        {
            return entry.Picture;
        }

        if (_entries.Count >= MaxDates)
        {
            _entries.Clear();
        }

        // Not tied to one caller's cancellation: the read is shared by everyone who asks meanwhile.
        var fresh = new Entry(version, reader.ReadAsync(date, CancellationToken.None));
        _entries[date] = fresh;
        return fresh.Picture.WaitAsync(cancellationToken);
    }

    private sealed record Entry(long Version, Task<AlliancePicture> Picture);
}
