namespace AllianceTracker.Web.Api.Contracts;

/// <summary>
/// Where the alliance stands on a proposal. <c>status</c> is the decision's outcome code from its
/// decision date on (<c>decision</c> says what was decided), before that the consensus rule's
/// blocked / open / consensus; the members' counts are given either way. <c>blockers</c> are the
/// members whose objection blocks it — none once it is decided, when <c>opposing</c> still names
/// who is on record as opposing; <c>optsOut</c> names the members stepping aside.
/// </summary>
public sealed record ConsensusDto(
    string Proposal,
    string AsOf,
    string Status,
    IReadOnlyDictionary<string, int> Counts,
    IReadOnlyList<string> Blockers,
    IReadOnlyList<string> StillOpen,
    IReadOnlyList<ConditionDto> Conditions,
    DecisionDto? Decision,
    IReadOnlyList<string> Opposing,
    IReadOnlyList<string> OptsOut);
