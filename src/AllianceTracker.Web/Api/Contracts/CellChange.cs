using AllianceTracker.Web.Domain;

namespace AllianceTracker.Web.Api.Contracts;

/// <summary>
/// A cell whose stance or conditions differ. Codes (<see cref="From"/>, <see cref="To"/>) for
/// machines, labels and the proposal's title for people. <see cref="EffectiveDate"/> is the new
/// entry's (null when the cell went back to no record, e.g. by a retraction), with whether the
/// source gives it only approximately.
/// </summary>
public sealed record CellChange(
    string Member, string MemberName, string Proposal, string From, string To, string? FromConditions, string? ToConditions,
    string? Rationale, IReadOnlyList<DiffEvidence> Evidence, string? EffectiveDate, bool EffectiveDateApproximate)
{
    public string ProposalTitle { get; init; } = Proposal;

    public string FromLabel => StanceLabel(From);

    public string ToLabel => StanceLabel(To);

    private static string StanceLabel(string code) => StanceVocabulary.TryParse(code, out var stance) ? stance.ToLabel() : code;
}
