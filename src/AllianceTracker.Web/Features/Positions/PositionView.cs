using AllianceTracker.Web.Domain;
using AllianceTracker.Web.Features.History;

namespace AllianceTracker.Web.Features.Positions;

/// <summary>
/// A member's stance on a proposal on the picture's date; <see cref="Stance.Unknown"/> with no date when
/// nothing is on record. <see cref="InterpretationNote"/> is set when the stance is the editors' reading of the evidence.
/// </summary>
public sealed record PositionView(
    string MemberAlpha3, string ProposalSlug, Stance Stance, string? Conditions, DateOnly? EffectiveOn, string? Rationale,
    IReadOnlyList<EvidenceView> Evidence, bool EffectiveOnIsApproximate = false, string? InterpretationNote = null)
{
    /// <summary>"since 3 Apr 2024", or "since c. 3 Apr 2024" when the date is inferred; empty with no date.</summary>
    public string Since => EffectiveOn is { } on ? $"since {(EffectiveOnIsApproximate ? "c. " : "")}{on:d MMM yyyy}" : "";
}
