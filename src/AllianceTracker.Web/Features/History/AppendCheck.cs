namespace AllianceTracker.Web.Features.History;

/// <summary>What an append would add, and what stands in its way (nothing is written by a check).</summary>
public sealed record AppendCheck(IReadOnlyList<AppendProblem> Problems, int MembersToAdd, int SummitsToAdd, int ProposalsToAdd, int SourcesToAdd);
