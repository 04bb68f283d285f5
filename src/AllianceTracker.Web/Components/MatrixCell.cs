using AllianceTracker.Web.Features.Positions;

namespace AllianceTracker.Web.Components;

/// <summary>One cell of the stance matrix, as handed to the page's <c>CellActions</c>.</summary>
public sealed record MatrixCell(MemberSummary Member, ProposalSummary Proposal, DateOnly AsOf);
