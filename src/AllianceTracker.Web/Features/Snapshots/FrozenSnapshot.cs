using AllianceTracker.Web.Features.Exchange;

namespace AllianceTracker.Web.Features.Snapshots;

/// <summary>A stored snapshot, its document, and whether the stored hash still matches its content.</summary>
public sealed record FrozenSnapshot(SnapshotSummary Summary, ExportDocument Document, bool HashVerifies);
