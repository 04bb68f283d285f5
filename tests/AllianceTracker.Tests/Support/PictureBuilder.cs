using AllianceTracker.Web.Domain;
using AllianceTracker.Web.Features.Positions;

namespace AllianceTracker.Tests.Support;

/// <summary>Builds a small in-memory picture for component tests, with consensus from the real rule.</summary>
public sealed class PictureBuilder
{
    private readonly List<MemberSummary> _members = [];
    private readonly List<ProposalSummary> _proposals = [];
    private readonly Dictionary<(string, string), PositionView> _positions = [];

    public PictureBuilder Member(string alpha3, string name, int joined = 1949, string subregion = "Western Europe", bool eu = true, bool b9 = false)
    {
        _members.Add(new MemberSummary(alpha3, alpha3[..2], (_members.Count + 100).ToString(System.Globalization.CultureInfo.InvariantCulture), name, joined, subregion, eu, b9));
        return this;
    }

    public PictureBuilder Proposal(string slug, string title)
    {
        _proposals.Add(new ProposalSummary(slug, title, "A test proposal.", "Test proposer", new DateOnly(2024, 4, 3), false, "test-summit", "Test Summit"));
        return this;
    }

    /// <summary>The proposal <paramref name="slug"/> decided: <paramref name="outcome"/> on 10 July 2024.</summary>
    public PictureBuilder Decided(string slug, ProposalOutcome outcome)
    {
        var index = _proposals.FindIndex(p => p.Slug == slug);
        _proposals[index] = _proposals[index] with { Decision = new ProposalDecision(1, outcome, new DateOnly(2024, 7, 10), "A test decision.", []) };
        return this;
    }

    public PictureBuilder Stance(string member, string proposal, Stance stance, string? conditions = null)
    {
        _positions[(member, proposal)] = new PositionView(member, proposal, stance, conditions, new DateOnly(2024, 4, 3), "Test rationale.", []);
        return this;
    }

    public AlliancePicture Build()
    {
        var positions = _proposals
            .SelectMany(p => _members.Select(m => _positions.GetValueOrDefault((m.Alpha3, p.Slug))
                ?? new PositionView(m.Alpha3, p.Slug, Web.Domain.Stance.Unknown, null, null, null, [])))
            .ToList();
        var consensus = _proposals
            .Select(p => new ProposalConsensus(p, ConsensusCalculator.Evaluate(
                positions.Where(x => x.ProposalSlug == p.Slug).Select(x => new MemberPosition(x.MemberAlpha3, x.Stance, x.Conditions)))))
            .ToList();
        return new AlliancePicture(new DateOnly(2024, 7, 1), _members, _proposals, positions, consensus);
    }
}
