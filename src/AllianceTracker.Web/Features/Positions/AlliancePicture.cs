using AllianceTracker.Web.Domain;
using AllianceTracker.Web.Features.History;

namespace AllianceTracker.Web.Features.Positions;

public sealed record MemberSummary(
    string Alpha3, string Alpha2, string NumericCode, string Name, int AccessionYear, string Subregion, bool IsEuMember, bool IsBucharestNine);

/// <summary>A summit: where and when.</summary>
public sealed record SummitSummary(string Slug, string Name, string City, DateOnly StartsOn, DateOnly EndsOn)
{
    /// <summary>"9–11 July 2024" (or across months, "30 June – 2 July 2025").</summary>
    public string Dates => StartsOn.Month == EndsOn.Month && StartsOn.Year == EndsOn.Year
        ? $"{StartsOn.Day}–{EndsOn:d MMMM yyyy}"
        : $"{StartsOn:d MMMM} – {EndsOn:d MMMM yyyy}";
}

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

/// <summary>
/// The decision in force on the picture's date: what was decided, when, the editor's note, the
/// evidence that reports it and, for "replaced", the replacing proposal.
/// </summary>
public sealed record ProposalDecision(
    long Id, ProposalOutcome Outcome, DateOnly DecidedOn, string? Note, IReadOnlyList<EvidenceView> Evidence,
    string? ReplacedBySlug = null, string? ReplacedByTitle = null);

/// <summary>A member's stance on a proposal on the picture's date; <see cref="Stance.Unknown"/> with no date when nothing is on record.</summary>
public sealed record PositionView(
    string MemberAlpha3, string ProposalSlug, Stance Stance, string? Conditions, DateOnly? EffectiveOn, string? Rationale,
    IReadOnlyList<EvidenceView> Evidence, bool EffectiveOnIsApproximate = false)
{
    /// <summary>"since 3 Apr 2024", or "since c. 3 Apr 2024" when the date is inferred; empty with no date.</summary>
    public string Since => EffectiveOn is { } on ? $"since {(EffectiveOnIsApproximate ? "c. " : "")}{on:d MMM yyyy}" : "";
}

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
