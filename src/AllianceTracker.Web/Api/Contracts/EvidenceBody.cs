namespace AllianceTracker.Web.Api.Contracts;

public sealed record EvidenceBody(string Excerpt, string? Source = null, NewSourceBody? NewSource = null);
