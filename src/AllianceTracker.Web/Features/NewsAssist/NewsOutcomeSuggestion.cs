using AllianceTracker.Web.Domain;

namespace AllianceTracker.Web.Features.NewsAssist;

public sealed record NewsOutcomeSuggestion(string Proposal, string ProposalTitle, string Outcome, string Excerpt, double Confidence, IReadOnlyList<string> Cues, int Sentence, ProposalOutcome CurrentOutcome);
