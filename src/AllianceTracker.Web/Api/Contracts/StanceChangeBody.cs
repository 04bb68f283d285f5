namespace AllianceTracker.Web.Api.Contracts;

public sealed record StanceChangeBody(
    string Member, string Proposal, string Stance, string EffectiveDate, string Reason, IReadOnlyList<EvidenceBody> Evidence,
    string? Conditions = null, Guid? ExpectedVersion = null);
