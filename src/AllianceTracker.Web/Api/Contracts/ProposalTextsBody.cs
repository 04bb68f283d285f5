namespace AllianceTracker.Web.Api.Contracts;

/// <summary>A revision of a proposal's texts; <c>expectedVersion</c> (or <c>If-Match</c>) is the proposal's version it was written on.</summary>
public sealed record ProposalTextsBody(string Title, string Description, string Proposer, string? InForceFrom = null, string? Note = null, Guid? ExpectedVersion = null);
