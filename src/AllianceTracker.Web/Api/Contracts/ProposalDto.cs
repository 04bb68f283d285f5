namespace AllianceTracker.Web.Api.Contracts;

/// <summary>A proposal; <c>version</c> (also its ETag) is what a write to its texts or decisions names, to be refused if another came first.</summary>
public sealed record ProposalDto(
    string Slug, string Title, string Description, string Proposer, string? TabledOn, bool TabledOnApproximate,
    string Summit, string SummitName, string Outcome, string? DecidedOn, Guid Version);
