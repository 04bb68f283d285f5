namespace AllianceTracker.Web.Api.Contracts;

/// <summary>
/// One suggestion as the editor reviewed it: the stance (code), conditions, the excerpt (words of
/// the text as written), the date it takes effect (the source's date when left out), why, and the
/// cell version the editor saw beside it. With <c>addAsEvidence</c> the excerpt is added to the
/// stance on record, which keeps its stance, conditions, date and reason (stance, date and reason
/// given here are then not used).
/// </summary>
public sealed record AcceptedStanceBody(
    string? Member, string? Proposal, string? Stance, string? Excerpt, string? Conditions = null, string? EffectiveDate = null, string? Rationale = null, Guid? ExpectedVersion = null,
    bool AddAsEvidence = false);
