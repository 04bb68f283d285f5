namespace AllianceTracker.Web.Api.Contracts;

public sealed record DecisionWrittenDto(long Id);
