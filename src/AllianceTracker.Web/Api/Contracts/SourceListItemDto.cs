namespace AllianceTracker.Web.Api.Contracts;

/// <summary>A source with its citations; <c>version</c> (also its ETag) is what a correction names.</summary>
public sealed record SourceListItemDto(SourceDto Source, int CitedByStances, int CitedByDecisions, int Corrections, Guid Version);
