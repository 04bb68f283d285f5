namespace AllianceTracker.Web.Api.Contracts;

public sealed record ConditionDto(string Member, string Conditions);
