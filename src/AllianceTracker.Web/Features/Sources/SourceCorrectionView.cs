namespace AllianceTracker.Web.Features.Sources;

public sealed record SourceCorrectionView(string Before, string Reason, DateTime RecordedAtUtc, string RecordedBy);
