namespace AllianceTracker.Web.Api.Contracts;

public sealed record EvidenceDto(SourceDto Source, string Excerpt);
