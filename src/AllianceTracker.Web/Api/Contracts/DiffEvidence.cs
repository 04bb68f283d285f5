namespace AllianceTracker.Web.Api.Contracts;

/// <summary>A quoted excerpt with the source it comes from, as a diff shows it.</summary>
public sealed record DiffEvidence(string Source, string Excerpt, string SourceTitle, string Outlet, string? Url);
