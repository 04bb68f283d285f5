namespace AllianceTracker.Web.Features.History;

public sealed record EvidenceView(SourceSummary Source, string Excerpt);
