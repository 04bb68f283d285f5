namespace AllianceTracker.Web.Features.Accounts;

public sealed record AccountSummary(string Id, string Email, string? DisplayName, IReadOnlyList<string> Roles, bool IsLockedOut, bool IsDisabled);
