namespace AllianceTracker.Web.Api.Contracts;

/// <summary>One saved entry: where to read it and the cell's new version.</summary>
public sealed record AcceptedEntryDto(long Id, string Member, string Proposal, string Stance, Guid Version);
