namespace AllianceTracker.Web.Features.Snapshots;

public sealed record SnapshotSummary(string Id, string Title, string? Note, DateOnly AsOf, DateTime CreatedAtUtc, string CreatedBy, string Sha256);
