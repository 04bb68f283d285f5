using AllianceTracker.Web.Domain;
using AllianceTracker.Web.Features.History;

namespace AllianceTracker.Web.Features.Positions;

/// <summary>
/// The decision in force on the picture's date: what was decided, when, the editor's note, the
/// evidence that reports it and, for "replaced", the replacing proposal.
/// </summary>
public sealed record ProposalDecision(
    long Id, ProposalOutcome Outcome, DateOnly DecidedOn, string? Note, IReadOnlyList<EvidenceView> Evidence,
    string? ReplacedBySlug = null, string? ReplacedByTitle = null);
