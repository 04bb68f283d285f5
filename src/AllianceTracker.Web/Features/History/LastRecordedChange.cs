using AllianceTracker.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AllianceTracker.Web.Features.History;

/// <summary>
/// When anything was last recorded — a stance, a retraction, a decision or its retraction, a
/// proposal's revised text — for the reading pages' "Last change recorded" line: how fresh the
/// data is, whatever date a view shows. Read once per data version, shared by every page.
/// </summary>
public sealed class LastRecordedChange(IDbContextFactory<AllianceDbContext> dbFactory, IStanceChangeNotifier notifier)
{
    // One reference, replaced whole: readers on other threads see an old entry or the new one.
    private Entry? _cached;

    public Task<DateTime?> GetAsync()
    {
        var version = notifier.Version;
        if (_cached is { } known && known.Version == version && !known.Read.IsFaulted)
        {
            return known.Read;
        }

        var read = ReadAsync();
        _cached = new Entry(version, read);
        return read;
    }

    private sealed record Entry(long Version, Task<DateTime?> Read);

    private async Task<DateTime?> ReadAsync()
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        // Newest first on each table (ordering works on both providers, where MAX of a date may not).
        DateTime?[] latest =
        [
            await db.StanceChanges.OrderByDescending(c => c.RecordedAtUtc).Select(c => (DateTime?)c.RecordedAtUtc).FirstOrDefaultAsync(),
            await db.Retractions.OrderByDescending(r => r.RecordedAtUtc).Select(r => (DateTime?)r.RecordedAtUtc).FirstOrDefaultAsync(),
            await db.ProposalOutcomes.OrderByDescending(d => d.RecordedAtUtc).Select(d => (DateTime?)d.RecordedAtUtc).FirstOrDefaultAsync(),
            await db.DecisionRetractions.OrderByDescending(r => r.RecordedAtUtc).Select(r => (DateTime?)r.RecordedAtUtc).FirstOrDefaultAsync(),
            await db.ProposalRevisions.OrderByDescending(r => r.RecordedAtUtc).Select(r => (DateTime?)r.RecordedAtUtc).FirstOrDefaultAsync(),
        ];
        return latest.Max();
    }
}
