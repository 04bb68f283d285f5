using AllianceTracker.Web.Domain;

namespace AllianceTracker.Web.Features.History;

/// <summary>A saved entry and its cell's new version (what a follow-up edit must present).</summary>
public sealed record RecordedStance(StanceChange Change, Guid CellVersion);
