namespace AllianceTracker.Web.Features.Exchange;

/// <summary>The latest snapshot, for a live brief that asks to be compared with it (implemented by Snapshots).</summary>
public interface ILatestSnapshot
{
    /// <summary>The latest snapshot's label ("snapshot abc, “Title”") and document; null when there is none.</summary>
    Task<(string Label, ExportDocument Document)?> GetAsync(CancellationToken cancellationToken);
}
