namespace AllianceTracker.Web.Api.Contracts;

/// <summary>One recorded decision on a proposal, with its evidence and, if it was taken back, its retraction.</summary>
public sealed record DecisionEntryDto(
    long Id, string Proposal, string Outcome, string DecidedOn, string? Note, IReadOnlyList<EvidenceDto> Evidence, string? ReplacedBy,
    DateTime RecordedAtUtc, string RecordedBy, RetractionDto? Retraction);
