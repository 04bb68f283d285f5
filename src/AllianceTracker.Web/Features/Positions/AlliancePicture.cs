using AllianceTracker.Web.Domain;

namespace AllianceTracker.Web.Features.Positions;

public sealed record MemberSummary(
    string Alpha3, string Alpha2, string Name, int AccessionYear, string Subregion, bool IsEuMember, bool IsBucharestNine);

public sealed record ProposalSummary(
    string Slug, string Title, string Description, string Proposer, DateOnly TabledOn, bool TabledOnIsApproximate,
    string SummitSlug, string SummitName);

public sealed record SourceSummary(
    string Key, string Title, string Outlet, string? Url, DateOnly? PublishedOn, bool PublishedOnIsApproximate, SourceKind Kind);

public sealed record EvidenceView(SourceSummary Source, string Excerpt);

/// <summary>A member's stance on a proposal on the picture's date; <see cref="Stance.Unknown"/> with no date when nothing is on record.</summary>
public sealed record PositionView(
    string MemberAlpha3, string ProposalSlug, Stance Stance, string? Conditions, DateOnly? EffectiveOn, string? Rationale,
    IReadOnlyList<EvidenceView> Evidence);

public sealed record ProposalConsensus(ProposalSummary Proposal, ConsensusResult Result);

/// <summary>Where every member stands on every proposal on one date, derived from the stance history.</summary>
public sealed record AlliancePicture(
    DateOnly AsOf,
    IReadOnlyList<MemberSummary> Members,
    IReadOnlyList<ProposalSummary> Proposals,
    IReadOnlyList<PositionView> Positions,
    IReadOnlyList<ProposalConsensus> Consensus)
{
    private Dictionary<(string, string), PositionView>? _byCell;
    private Dictionary<string, MemberSummary>? _membersByCode;

    public PositionView PositionOf(string memberAlpha3, string proposalSlug)
    {
        _byCell ??= Positions.ToDictionary(p => (p.MemberAlpha3, p.ProposalSlug));
        return _byCell[(memberAlpha3, proposalSlug)];
    }

    public string MemberName(string alpha3)
    {
        _membersByCode ??= Members.ToDictionary(m => m.Alpha3);
        return _membersByCode.TryGetValue(alpha3, out var member) ? member.Name : alpha3;
    }
}
