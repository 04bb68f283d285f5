namespace AllianceTracker.Web.Features.Exchange;

/// <summary>A proposal that was added, or whose text changed, between the two sides.</summary>
public sealed record ProposalChange(string Proposal, string Title, string What);
