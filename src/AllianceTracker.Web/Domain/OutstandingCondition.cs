namespace AllianceTracker.Web.Domain;

public sealed record OutstandingCondition(string MemberAlpha3, string Conditions);
