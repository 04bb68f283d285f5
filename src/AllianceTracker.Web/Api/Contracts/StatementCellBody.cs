namespace AllianceTracker.Web.Api.Contracts;

public sealed record StatementCellBody(string Member, string Proposal, string Stance, string? Conditions = null, Guid? ExpectedVersion = null);
