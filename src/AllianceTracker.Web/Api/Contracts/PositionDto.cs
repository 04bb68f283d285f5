namespace AllianceTracker.Web.Api.Contracts;

/// <summary>
/// A member's stance on a proposal; <c>effectiveDateApproximate</c> is true when the date is inferred (e.g.
/// from an undated source); <c>interpretationNote</c> is set when the stance is the editors' interpretation of the evidence.
/// </summary>
public sealed record PositionDto(
    string Member, string Proposal, string Stance, string? Conditions, string? EffectiveDate, string? Rationale, IReadOnlyList<EvidenceDto> Evidence,
    bool EffectiveDateApproximate, string? InterpretationNote);
