namespace AllianceTracker.Web.Api.Contracts;

public sealed record SnapshotBody(string Title, string? Note = null, DateOnly? AsOf = null);
