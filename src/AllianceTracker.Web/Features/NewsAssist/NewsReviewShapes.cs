using AllianceTracker.Web.Domain;
using AllianceTracker.Web.Features.History;

namespace AllianceTracker.Web.Features.NewsAssist;

// What the news review takes in and gives back: the request bodies, the suggestions and the saved result.

/// <summary>
/// A suggested stance, beside the cell as it stands (its entry on record, if any, and version) so
/// the change shows, what it would replace can be said, and the save can be checked.
/// </summary>
public sealed record NewsSuggestion(
    string Member, string MemberName, string Proposal, string ProposalTitle, Stance Stance, string? Conditions, string Excerpt,
    double Confidence, IReadOnlyList<string> Cues, int Sentence, Stance CurrentStance, Guid? CellVersion, StanceHistoryEntry? OnRecord = null)
{
    /// <summary>The text says what is on record already: accepting it corroborates rather than replaces.</summary>
    public bool SameAsRecord => OnRecord is not null && CurrentStance == Stance;
}

public sealed record NewsOutcomeSuggestion(string Proposal, string ProposalTitle, string Outcome, string Excerpt, double Confidence, IReadOnlyList<string> Cues, int Sentence, ProposalOutcome CurrentOutcome);

public sealed record NewsSuggestions(IReadOnlyList<string> Sentences, IReadOnlyList<NewsSuggestion> Stances, IReadOnlyList<NewsOutcomeSuggestion> Outcomes);

/// <summary>What one accepted review saved: the source cited (and whether it is new) and the entries.</summary>
public sealed record NewsAccepted(string SourceKey, bool SourceAdded, IReadOnlyList<RecordedStance> Recorded);
