using AllianceTracker.Web.Domain;
using AllianceTracker.Web.Features.History;

namespace AllianceTracker.Web.Features.NewsAssist;

/// <summary>
/// A suggested stance, beside the cell as it stands (its entry on record, if any, and version) so
/// the change shows, what it would replace can be said, and the save can be checked.
/// </summary>
public sealed record NewsSuggestion(
    string Member, string MemberName, string Proposal, string ProposalTitle, Stance Stance, string? Conditions, string Excerpt,
    double Confidence, IReadOnlyList<string> Cues, int Sentence, Stance CurrentStance, Guid? CellVersion, StanceHistoryEntry? OnRecord = null)
{
    /// <summary>The text says what is on record already: accepting it corroborates rather than replaces.</summary>
    public bool SameAsRecord => OnRecord is not null && CurrentStance == Stance && !NeedsStance;

    /// <summary>An ally named without stance wording (<see cref="NewsSuggestions.Unread"/>): the editor chooses the stance.</summary>
    public bool NeedsStance => Stance == Stance.Unknown;

    /// <summary>The text named a group the ally belongs to, not the ally itself.</summary>
    public bool ByGroup { get; init; }

    /// <summary>Supports ↔ opposes: the change a slip in reading costs most, so the card warns.</summary>
    public bool FlipsSides => (CurrentStance, Stance) is (Stance.Supports, Stance.Opposes) or (Stance.Opposes, Stance.Supports);

    /// <summary>At or above this confidence a suggestion is shown open and "Accept all sure ones" takes it.</summary>
    public const double SureFrom = 0.7;

    public bool IsSure => Confidence >= SureFrom;
}
