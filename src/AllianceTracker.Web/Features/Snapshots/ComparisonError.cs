namespace AllianceTracker.Web.Features.Snapshots;

public sealed record ComparisonError(string Parameter, string Message);
