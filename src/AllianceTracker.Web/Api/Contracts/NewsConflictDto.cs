namespace AllianceTracker.Web.Api.Contracts;

/// <summary>A cell changed after the suggestions were read: as it stands now; nothing was saved.</summary>
public sealed record NewsConflictDto(string Member, string Proposal, string? CurrentStance, Guid? Version, string? RecordedBy, string Detail);
