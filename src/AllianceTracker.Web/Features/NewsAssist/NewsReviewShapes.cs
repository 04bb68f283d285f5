using AllianceTracker.Web.Domain;
using AllianceTracker.Web.Features.History;

namespace AllianceTracker.Web.Features.NewsAssist;

// What the news review takes in and gives back: the request bodies, the suggestions and the saved result.

/// <summary>The source a pasted text comes from, as it is cited once suggestions are accepted.</summary>
public sealed record NewsSourceBody(
    string? Title, string? Outlet, string? Published = null, string? Url = null, string? Kind = null, string? PublishedDate = null, bool PublishedApproximate = false);

public sealed record NewsSuggestionsBody(string? Text, NewsSourceBody? Source);

/// <summary>
/// One suggestion as the editor reviewed it: the stance (code), conditions, the excerpt (words of
/// the text as written), the date it takes effect (the source's date when left out), why, and the
/// cell version the editor saw beside it. With <c>addAsEvidence</c> the excerpt is added to the
/// stance on record, which keeps its stance, conditions, date and reason (stance, date and reason
/// given here are then not used).
/// </summary>
public sealed record AcceptedStanceBody(
    string? Member, string? Proposal, string? Stance, string? Excerpt, string? Conditions = null, string? EffectiveDate = null, string? Rationale = null, Guid? ExpectedVersion = null,
    bool AddAsEvidence = false);

/// <summary>The text again (excerpts are checked against it), its source, and the reviewed suggestions to save.</summary>
public sealed record NewsAcceptanceBody(string? Text, NewsSourceBody? Source, IReadOnlyList<AcceptedStanceBody>? Stances);

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
