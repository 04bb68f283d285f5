using AllianceTracker.Web.Domain;

namespace AllianceTracker.Web.Features.History;

/// <summary>A decision entry as the proposal page, the audit trail and the feed show it, retracted or not.</summary>
public sealed record DecisionHistoryEntry(
    long Id,
    string ProposalSlug,
    string ProposalTitle,
    ProposalOutcome Outcome,
    DateOnly DecidedOn,
    string? Note,
    IReadOnlyList<EvidenceView> Evidence,
    string? ReplacedBySlug,
    string? ReplacedByTitle,
    DateTime RecordedAtUtc,
    string RecordedBy,
    string? RetractedBy = null,
    DateTime? RetractedAtUtc = null,
    string? RetractionReason = null);
