namespace AllianceTracker.Web.Api.Contracts;

/// <summary>A summit's decision on a proposal: <c>outcome</c> is one of the decision codes; <c>replacedBy</c> a proposal's slug, for "replaced" only.</summary>
/// <remarks><c>expectedVersion</c>: the proposal's version the decision was made on (or send it as <c>If-Match</c>).</remarks>
public sealed record DecisionBody(string Outcome, string DecidedOn, string? Note, IReadOnlyList<EvidenceBody> Evidence, string? ReplacedBy = null, Guid? ExpectedVersion = null);
