using AllianceTracker.Web.Domain;

namespace AllianceTracker.Web.Api.Contracts;

/// <summary>
/// A cell whose stance or conditions differ. Codes (<see cref="From"/>, <see cref="To"/>) for
/// machines, labels and the proposal's title for people.
/// </summary>
public sealed record CellChange(
    string Member, string MemberName, string Proposal, string From, string To, string? FromConditions, string? ToConditions,
    string? Rationale, IReadOnlyList<DiffEvidence> Evidence)
{
    public string ProposalTitle { get; init; } = Proposal;

    public string FromLabel => StanceLabel(From);

    public string ToLabel => StanceLabel(To);

    private static string StanceLabel(string code) => StanceVocabulary.TryParse(code, out var stance) ? stance.ToLabel() : code;
}
