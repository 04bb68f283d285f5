using AllianceTracker.Web.Domain;

namespace AllianceTracker.Web.Features.Positions;

/// <summary>A proposal as it stood on the picture's date, with the summit's decision if one was taken by then.</summary>
public sealed record ProposalSummary(
    string Slug, string Title, string Description, string Proposer, DateOnly? TabledOn, bool TabledOnIsApproximate,
    string SummitSlug, string SummitName, ProposalDecision? Decision = null)
{
    public ProposalOutcome Outcome => Decision?.Outcome ?? ProposalOutcome.Pending;

    /// <summary>The proposal's version now (its texts and decisions): what a write names to be checked against.</summary>
    public Guid Version { get; init; }

    public DateOnly? DecidedOn => Decision?.DecidedOn;
}
