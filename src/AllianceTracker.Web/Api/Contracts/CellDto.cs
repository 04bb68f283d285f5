namespace AllianceTracker.Web.Api.Contracts;

public sealed record CellDto(string Member, string Proposal, Guid? Version, string? Stance, string? RecordedBy, DateTime? RecordedAtUtc, string? Reason);
