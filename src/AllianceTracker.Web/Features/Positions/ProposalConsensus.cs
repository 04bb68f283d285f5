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

    /// <summary>
    /// The answer in one line, as cards and embeds show it: the decision and its date, who blocks,
    /// or how many are still open. <paramref name="memberName"/> names a member by its code.
    /// </summary>
    public string Headline(Func<string, string> memberName) => Proposal.Decision is { } decision
        ? $"{decision.Outcome.ToLabel()} on {decision.DecidedOn.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)}"
        : Result.Status switch
        {
            ConsensusStatus.Blocked => "Blocked by " + string.Join(", ", Result.Blockers.Select(memberName)),
            ConsensusStatus.Consensus => Result.OutstandingConditions.Count > 0
                ? $"No objection; {Result.OutstandingConditions.Count} with conditions"
                : "No objection from any ally",
            _ => $"No objection yet; {Result.StillOpen.Count} still open",
        };
}
