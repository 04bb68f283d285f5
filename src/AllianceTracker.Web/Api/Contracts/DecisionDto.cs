namespace AllianceTracker.Web.Api.Contracts;

/// <summary>The summit's decision on a proposal: outcome code, date, note, evidence and, for "replaced", the replacing proposal's slug.</summary>
public sealed record DecisionDto(long Id, string Outcome, string DecidedOn, string? Note, IReadOnlyList<EvidenceDto> Evidence, string? ReplacedBy);
