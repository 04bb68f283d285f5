namespace AllianceTracker.Web.Domain;

/// <summary>One piece of evidence: an existing source by key, or a new one, and the quoted excerpt.</summary>
public sealed record EvidenceInput(string? SourceKey, string Excerpt, SourceInput? NewSource = null);
