namespace AllianceTracker.Web.Api.Contracts;

/// <summary>Evidence for the stance on record, which stays as it is (stance, conditions, date, reason).</summary>
public sealed record EvidenceAdditionBody(string Member, string Proposal, IReadOnlyList<EvidenceBody> Evidence, Guid? ExpectedVersion = null);
