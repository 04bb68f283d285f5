namespace AllianceTracker.Web.Features.Exchange;

/// <summary>A summit's decision: what, when, the editor's note, the evidence, and the replacing proposal's slug for "replaced".</summary>
public sealed record ExportDecision(string Outcome, string DecidedOn, string? Note, IReadOnlyList<ExportEvidence> Evidence, string? ReplacedBy);
