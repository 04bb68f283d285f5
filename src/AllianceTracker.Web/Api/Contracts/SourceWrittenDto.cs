namespace AllianceTracker.Web.Api.Contracts;

public sealed record SourceWrittenDto(string Key);
