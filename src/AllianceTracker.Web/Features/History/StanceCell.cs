namespace AllianceTracker.Web.Features.History;

public readonly record struct StanceCell(string MemberAlpha3, string ProposalSlug);
