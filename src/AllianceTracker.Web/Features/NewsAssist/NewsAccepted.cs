using AllianceTracker.Web.Features.History;

namespace AllianceTracker.Web.Features.NewsAssist;

/// <summary>What one accepted review saved: the source cited (and whether it is new) and the entries.</summary>
public sealed record NewsAccepted(string SourceKey, bool SourceAdded, IReadOnlyList<RecordedStance> Recorded);
