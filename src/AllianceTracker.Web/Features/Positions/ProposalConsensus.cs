using AllianceTracker.Web.Domain;

namespace AllianceTracker.Web.Features.Positions;

/// <summary>
/// A proposal and where the members stand on it. Once decided, the decision is its status: a
/// decided proposal is never "blocked" or "open", whatever the members' count says.
/// </summary>
public sealed record ProposalConsensus(ProposalSummary Proposal, ConsensusResult Result)
{
    public bool IsDecided => Proposal.Decision is not null;

    /// <summary>The published status: the decision's outcome code once decided, else the consensus rule's.</summary>
    public string StatusCode => Proposal.Decision is { } decision ? decision.Outcome.ToCode() : Result.Status.ToCode();
}
