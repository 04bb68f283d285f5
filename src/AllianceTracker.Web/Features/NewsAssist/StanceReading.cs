using AllianceTracker.Web.Domain;

namespace AllianceTracker.Web.Features.NewsAssist;

/// <summary>
/// One suggested stance: a member × proposal the text speaks about, the stance it suggests, the
/// words it rests on verbatim (at most 40), how sure the reading is, and the words that led to it.
/// </summary>
public sealed record StanceReading(
    string Member, string Proposal, Stance Stance, string? Conditions, string Excerpt, double Confidence, IReadOnlyList<string> Cues,
    int FirstSentence)
{
    /// <summary>The text named a group ("the Baltic states"), not this ally: the review says so.</summary>
    public bool ByGroup { get; init; }
}
