namespace AllianceTracker.Web.Api.Contracts;

/// <summary>One entry of the stance history: the change, what it moved from, its evidence, and its retraction if it was taken back.</summary>
public sealed record StanceEntryDto(
    long Id, string Member, string Proposal, string From, string Stance, string? Conditions, string EffectiveDate, bool EffectiveDateApproximate,
    string Rationale, DateTime RecordedAtUtc, string RecordedBy, IReadOnlyList<EvidenceDto> Evidence, RetractionDto? Retraction, string? Origin,
    long? AddsEvidenceTo, string? InterpretationNote);
