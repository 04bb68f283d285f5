namespace AllianceTracker.Web.Domain;

/// <summary>
/// A revision of a proposal's texts. <see cref="InForceFrom"/> null corrects the text for every
/// date (a typo, a misreading); a date says the proposal itself changed then, and views of earlier
/// dates keep the earlier text. <see cref="Note"/> says why, for the audit trail and the feed.
/// </summary>
public sealed record ProposalTextsInput(string Title, string Description, string Proposer, string? InForceFrom = null, string? Note = null);
