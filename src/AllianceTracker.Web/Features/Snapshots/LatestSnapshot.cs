using AllianceTracker.Web.Features.Exchange;

namespace AllianceTracker.Web.Features.Snapshots;

/// <summary>The latest snapshot, for the live brief's comparison when a reader asks for it.</summary>
internal sealed class LatestSnapshot(SnapshotService snapshots) : ILatestSnapshot
{
    public async Task<(string Label, ExportDocument Document)?> GetAsync(CancellationToken cancellationToken)
    {
        var latest = (await snapshots.ListAsync(cancellationToken)).FirstOrDefault();
        return latest is not null && await snapshots.GetAsync(latest.Id, cancellationToken) is { } frozen
            ? ($"snapshot {latest.Id} (“{latest.Title}”, as of {latest.AsOf:yyyy-MM-dd})", frozen.Document)
            : null;
    }
}
