namespace AllianceTracker.Web.Api.Contracts;

/// <summary>A member's stance on a proposal; <c>effectiveDateApproximate</c> is true when the date is inferred (e.g. from an undated source).</summary>
public sealed record PositionDto(
    string Member, string Proposal, string Stance, string? Conditions, string? EffectiveDate, string? Rationale, IReadOnlyList<EvidenceDto> Evidence,
    bool EffectiveDateApproximate);
