namespace AllianceTracker.Web.Domain;

/// <summary>A member's current stance on one proposal, the input to the consensus rule.</summary>
public sealed record MemberPosition(string MemberAlpha3, Stance Stance, string? Conditions = null);
