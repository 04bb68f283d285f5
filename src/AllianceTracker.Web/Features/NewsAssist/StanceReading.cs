using AllianceTracker.Web.Domain;

namespace AllianceTracker.Web.Features.NewsAssist;

/// <summary>
/// One suggested stance: a member × proposal the text speaks about, the stance it suggests, the
/// sentence(s) it rests on verbatim, how sure the reading is, and the words that led to it.
/// </summary>
public sealed record StanceReading(
    string Member, string Proposal, Stance Stance, string? Conditions, string Excerpt, double Confidence, IReadOnlyList<string> Cues,
    int FirstSentence);
