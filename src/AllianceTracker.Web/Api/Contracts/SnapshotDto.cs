namespace AllianceTracker.Web.Api.Contracts;

public sealed record SnapshotDto(string Id, string Title, string? Note, string AsOf, DateTime CreatedAtUtc, string CreatedBy, string Sha256, bool? HashVerifies, string Permalink);
