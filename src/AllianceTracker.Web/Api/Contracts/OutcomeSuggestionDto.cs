namespace AllianceTracker.Web.Api.Contracts;

/// <summary>A decision the text reports, beside the proposal's current outcome.</summary>
public sealed record OutcomeSuggestionDto(string Proposal, string Outcome, string Excerpt, double Confidence, IReadOnlyList<string> Cues, string CurrentOutcome);
