namespace AllianceTracker.Web.Features.NewsAssist;

/// <summary>A decision the text reports on a proposal.</summary>
public sealed record OutcomeReading(string Proposal, string Outcome, string Excerpt, double Confidence, IReadOnlyList<string> Cues, int FirstSentence);
