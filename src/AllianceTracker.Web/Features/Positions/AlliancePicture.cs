using AllianceTracker.Web.Domain;
using AllianceTracker.Web.Features.History;

namespace AllianceTracker.Web.Features.Positions;

/// <summary>
/// Where every member stands on every proposal on one date, derived from the stance history.
/// Immutable once built, so one instance is shared by every page and request that asks for that date.
/// </summary>
public sealed class AlliancePicture
{
    private readonly Dictionary<(string, string), PositionView> _byCell;
    private readonly Dictionary<string, MemberSummary> _membersByCode;
    private readonly Dictionary<string, ProposalConsensus> _consensusBySlug;

    public AlliancePicture(
        DateOnly asOf,
        IReadOnlyList<MemberSummary> members,
        IReadOnlyList<ProposalSummary> proposals,
        IReadOnlyList<PositionView> positions,
        IReadOnlyList<ProposalConsensus> consensus,
        IReadOnlyList<SummitSummary>? summits = null)
    {
        AsOf = asOf;
        Summits = summits ?? [];
        Members = members;
        Proposals = proposals;
        Positions = positions;
        Consensus = consensus;
        _byCell = positions.ToDictionary(p => (p.MemberAlpha3, p.ProposalSlug));
        _membersByCode = members.ToDictionary(m => m.Alpha3);
        _consensusBySlug = consensus.ToDictionary(c => c.Proposal.Slug);
    }

    public DateOnly AsOf { get; }

    /// <summary>Every summit, earliest first, whether or not it has proposals on this date.</summary>
    public IReadOnlyList<SummitSummary> Summits { get; }

    public IReadOnlyList<MemberSummary> Members { get; }

    public IReadOnlyList<ProposalSummary> Proposals { get; }

    public IReadOnlyList<PositionView> Positions { get; }

    public IReadOnlyList<ProposalConsensus> Consensus { get; }

    public PositionView PositionOf(string memberAlpha3, string proposalSlug) => _byCell[(memberAlpha3, proposalSlug)];

    public MemberSummary? FindMember(string alpha3) => _membersByCode.GetValueOrDefault(alpha3);

    public ProposalConsensus? FindProposal(string slug) => _consensusBySlug.GetValueOrDefault(slug);

    public string MemberName(string alpha3) => _membersByCode.TryGetValue(alpha3, out var member) ? member.Name : alpha3;

    /// <summary>The same picture narrowed to one proposal; null when there is no such proposal.</summary>
    public AlliancePicture? ForProposal(string slug)
    {
        var consensus = FindProposal(slug);
        return consensus is null
            ? null
            : new AlliancePicture(AsOf, Members, [consensus.Proposal], Positions.Where(p => p.ProposalSlug == slug).ToList(), [consensus], Summits);
    }

    /// <summary>
    /// "Washington Summit, 9–11 July 2024 · ended · no decision recorded": the time a proposal's
    /// answer speaks of, as of this picture's date, so a 2024 "Blocked" is not read as today's news.
    /// </summary>
    public string SummitLine(ProposalSummary proposal)
    {
        if (Summits.FirstOrDefault(s => s.Slug == proposal.SummitSlug) is not { } summit)
        {
            return proposal.SummitName;
        }

        var when = AsOf > summit.EndsOn ? (proposal.Decision is null ? "ended · no decision recorded" : "ended")
            : AsOf >= summit.StartsOn ? "under way" : "ahead";
        return $"{summit.Name}, {summit.Dates} · {when}";
    }

    /// <summary>The summit a reader asked for, else the latest that has begun or has proposals, else the latest; null with no summits.</summary>
    public SummitSummary? ChooseSummit(string? slug) =>
        Summits.FirstOrDefault(s => s.Slug == slug)
        ?? Summits.LastOrDefault(s => Proposals.Any(p => p.SummitSlug == s.Slug))
        ?? (Summits.Count > 0 ? Summits[^1] : null);

    /// <summary>The same picture narrowed to one summit's proposals (this very picture when they are all that summit's).</summary>
    public AlliancePicture ForSummit(string summitSlug)
    {
        // The usual case, one summit: no copy per request of a picture shared by every reader.
        if (Proposals.All(p => p.SummitSlug == summitSlug))
        {
            return this;
        }

        var slugs = Proposals.Where(p => p.SummitSlug == summitSlug).Select(p => p.Slug).ToHashSet();
        return new AlliancePicture(
            AsOf, Members, Proposals.Where(p => slugs.Contains(p.Slug)).ToList(), Positions.Where(p => slugs.Contains(p.ProposalSlug)).ToList(),
            Consensus.Where(c => slugs.Contains(c.Proposal.Slug)).ToList(), Summits);
    }

    /// <summary>The cells whose stance or conditions differ from <paramref name="earlier"/>.</summary>
    public IReadOnlySet<StanceCell> ChangedSince(AlliancePicture earlier) =>
        Positions
            .Where(p => earlier._byCell.TryGetValue((p.MemberAlpha3, p.ProposalSlug), out var before)
                ? before.Stance != p.Stance || before.Conditions != p.Conditions || before.EffectiveOn != p.EffectiveOn
                : true)
            .Select(p => new StanceCell(p.MemberAlpha3, p.ProposalSlug))
            .ToHashSet();

    /// <summary>
    /// The consensus counts ("proposal:stance") that differ from <paramref name="earlier"/>'s, so a
    /// live update can mark a changed count the way it marks a changed cell.
    /// </summary>
    public IReadOnlySet<string> CountsChangedSince(AlliancePicture earlier) =>
        Consensus
            .SelectMany(c => StanceVocabulary.All
                .Where(d => earlier.FindProposal(c.Proposal.Slug) is not { } before || before.Result.Counts[d.Stance] != c.Result.Counts[d.Stance])
                .Select(d => CountKey(c.Proposal.Slug, d.Stance)))
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>How pages and the page script name one consensus count: "ukraine-fund:opts-out".</summary>
    public static string CountKey(string proposalSlug, Stance stance) => $"{proposalSlug}:{stance.ToCode()}";
}
