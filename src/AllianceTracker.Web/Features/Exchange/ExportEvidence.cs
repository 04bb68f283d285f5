namespace AllianceTracker.Web.Features.Exchange;

public sealed record ExportEvidence(string Source, string Excerpt);
