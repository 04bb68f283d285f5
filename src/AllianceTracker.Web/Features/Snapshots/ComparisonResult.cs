using AllianceTracker.Web.Features.Exchange;

namespace AllianceTracker.Web.Features.Snapshots;

public sealed record ComparisonResult(PictureDiff? Diff, ComparisonError? Error);
