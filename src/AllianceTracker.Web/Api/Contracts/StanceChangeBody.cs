namespace AllianceTracker.Web.Api.Contracts;

/// <summary>
/// A new stance for one cell. <c>interpretationNote</c>, when given, marks the stance as the editors'
/// reading of evidence that does not state it outright, and says what was read into it.
/// </summary>
public sealed record StanceChangeBody(
    string Member, string Proposal, string Stance, string EffectiveDate, string Reason, IReadOnlyList<EvidenceBody> Evidence,
    string? Conditions = null, Guid? ExpectedVersion = null, string? InterpretationNote = null);
