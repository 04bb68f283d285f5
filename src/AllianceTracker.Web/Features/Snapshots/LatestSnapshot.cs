using AllianceTracker.Web.Features.Exchange;

namespace AllianceTracker.Web.Features.Snapshots;

/// <summary>The latest snapshot, for the live brief's comparison when a reader asks for it.</summary>
internal sealed class LatestSnapshot(SnapshotService snapshots) : ILatestSnapshot
{
    public async Task<(string Label, ExportDocument Document)?> GetAsync(CancellationToken cancellationToken)
    {
        return await snapshots.LatestAsync(cancellationToken) is { Summary: var latest } frozen
            ? ($"snapshot {latest.Id} (“{latest.Title}”, as of {latest.AsOf:yyyy-MM-dd})", frozen.Document)
            : null;
    }
}
