namespace AllianceTracker.Web.Domain;

/// <summary>
/// A decision on a proposal as an editor or a script gives it. <see cref="ReplacedBy"/> is the
/// slug of the replacing proposal, for <see cref="ProposalOutcome.Replaced"/> only.
/// </summary>
public sealed record DecisionInput(
    ProposalOutcome Outcome, DateOnly DecidedOn, string? Note, IReadOnlyList<EvidenceInput> Evidence, string? ReplacedBy = null);
