using AllianceTracker.Web.Features.History;

namespace AllianceTracker.Web.Features.Sources;

/// <summary>A source with how often it is cited and how it was corrected.</summary>
public sealed record SourceListingView(SourceSummary Source, int CitedByStances, int CitedByDecisions, IReadOnlyList<SourceCorrectionView> Corrections, Guid Version);
