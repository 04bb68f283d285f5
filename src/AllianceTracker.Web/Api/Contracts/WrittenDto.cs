namespace AllianceTracker.Web.Api.Contracts;

public sealed record WrittenDto(long Id, Guid? Version);
