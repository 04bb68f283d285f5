namespace AllianceTracker.Web.Api.Contracts;

/// <summary>
/// An ally named in a sentence about a proposal where no stance wording was read: no suggestion, but
/// the words to read (verbatim, at most 40), how the ally was named, and the cell as it stands.
/// </summary>
public sealed record UnreadMentionDto(string Member, string Proposal, string Excerpt, string NamedAs, string CurrentStance, Guid? Version);
