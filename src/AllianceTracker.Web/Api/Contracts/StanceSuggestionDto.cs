namespace AllianceTracker.Web.Api.Contracts;

/// <summary>A suggested stance, beside the member's current one and the cell's version (send it back as expectedVersion).</summary>
public sealed record StanceSuggestionDto(
    string Member, string Proposal, string Stance, string? Conditions, string Excerpt, double Confidence, IReadOnlyList<string> Cues, string CurrentStance, Guid? Version);
