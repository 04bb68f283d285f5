namespace AllianceTracker.Web.Features.History;

/// <summary>A version of a proposal's texts as the audit trail and the feed show it; <see cref="IsFirst"/> is the proposal being added.</summary>
public sealed record ProposalRevisionEntry(
    long Id, string ProposalSlug, string Title, string Description, string Proposer, DateOnly? InForceFrom, string? Note,
    DateTime RecordedAtUtc, string RecordedBy, bool IsFirst);
