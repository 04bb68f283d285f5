using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using AllianceTracker.Web.Domain;
using AllianceTracker.Web.Features.History;
using AllianceTracker.Web.Features.Positions;

namespace AllianceTracker.Web.Features.Exchange;

// The export format, version 2 (docs/export-schema-v2.json; version 1 is docs/export-schema-v1.json).
// Field names and codes are a public contract: later versions add fields and bump "version"; they do
// not change these. Fields added after version 1 are left out when empty, so a version 1 document
// (a snapshot frozen before them) serializes to the very bytes its SHA-256 was computed over.

/// <summary>
/// The picture on one date as a self-contained, versioned document: what snapshots freeze, what
/// exports write and what the import reads. Its canonical serialization (fixed field order,
/// sorted lists, no whitespace) is what the SHA-256 of a snapshot is computed over.
/// </summary>
public sealed record ExportDocument(
    string Format,
    int Version,
    string AsOf,
    IReadOnlyList<ExportSummit> Summits,
    IReadOnlyList<ExportProposal> Proposals,
    IReadOnlyList<ExportMember> Members,
    IReadOnlyList<ExportSource> Sources,
    IReadOnlyList<ExportPosition> Positions,
    IReadOnlyList<ExportConsensus> Consensus)
{
    public const string FormatName = "alliance-tracker-export";

    /// <summary>Version 2: the view a current-view download was narrowed to; absent for the whole picture.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ExportView? View { get; init; }
    public const int CurrentVersion = 2;

    /// <summary>
    /// Whether the position's effective date is inferred: version 2 marks it (absent means stated);
    /// version 1 did not say, so it is not known (null), nor is it for a position with no date.
    /// </summary>
    public bool? IsApproximate(ExportPosition position) =>
        position.EffectiveDate is null || Version < 2 ? null : position.EffectiveDateApproximate == true;

    /// <summary>The versions this server reads (imports, frozen snapshots).</summary>
    public static readonly IReadOnlySet<int> ReadableVersions = new HashSet<int> { 1, 2 };

    public static readonly JsonSerializerOptions Canonical = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = false,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public byte[] ToCanonicalJson() => JsonSerializer.SerializeToUtf8Bytes(this, Canonical);

    public static ExportDocument Read(byte[] canonicalJson) => JsonSerializer.Deserialize<ExportDocument>(canonicalJson, Canonical)!;

    public string Sha256() => Convert.ToHexStringLower(SHA256.HashData(ToCanonicalJson()));

    /// <summary>Builds the document from a picture, with every list in its canonical order.</summary>
    public static ExportDocument From(AlliancePicture picture, IReadOnlyList<ExportSummit> summits, IReadOnlyCollection<MemberSummary>? onlyMembers = null)
    {
        var members = (onlyMembers ?? picture.Members).Select(m => m.Alpha3).ToHashSet();
        var positions = picture.Positions
            .Where(p => members.Contains(p.MemberAlpha3))
            .OrderBy(p => p.ProposalSlug, StringComparer.Ordinal).ThenBy(p => p.MemberAlpha3, StringComparer.Ordinal)
            .ToList();
        var sources = positions.SelectMany(p => p.Evidence)
            .Concat(picture.Proposals.SelectMany(p => p.Decision?.Evidence ?? []))
            .Select(e => e.Source).DistinctBy(s => s.Key).OrderBy(s => s.Key, StringComparer.Ordinal);
        var summitSlugs = picture.Proposals.Select(p => p.SummitSlug).ToHashSet();
        return new ExportDocument(
            FormatName,
            CurrentVersion,
            picture.AsOf.ToIso(),
            summits.Where(s => summitSlugs.Contains(s.Slug)).OrderBy(s => s.Slug, StringComparer.Ordinal).ToList(),
            picture.Proposals.Select((p, position) => (p, position)).OrderBy(x => x.p.Slug, StringComparer.Ordinal).Select(x => new ExportProposal(
                x.p.Slug, x.p.SummitSlug, x.p.Title, x.p.Description, x.p.Proposer, x.p.TabledOn is { } tabled ? tabled.ToIso() : null, x.p.TabledOnIsApproximate,
                x.p.Outcome.ToCode(), x.p.DecidedOn is { } d ? d.ToIso() : null)
            {
                Position = x.position,
                Decision = x.p.Decision is { } decision
                    ? new ExportDecision(decision.Outcome.ToCode(), decision.DecidedOn.ToIso(), decision.Note,
                        decision.Evidence.Select(ev => new ExportEvidence(ev.Source.Key, ev.Excerpt)).ToList(), decision.ReplacedBySlug)
                    : null,
            }).ToList(),
            picture.Members.Where(m => members.Contains(m.Alpha3)).OrderBy(m => m.Alpha3, StringComparer.Ordinal).Select(m => new ExportMember(
                m.Alpha3, m.Alpha2, m.NumericCode, m.Name, m.AccessionYear, m.Subregion, m.IsEuMember, m.IsBucharestNine)).ToList(),
            sources.Select(s => new ExportSource(
                s.Key, s.Title, s.Outlet, s.Url, s.PublishedOn is { } pub ? pub.ToIso() : null, s.PublishedOnIsApproximate, SourceKindCodes.ToCode(s.Kind))).ToList(),
            positions.Select(p => new ExportPosition(
                p.MemberAlpha3, p.ProposalSlug, p.Stance.ToCode(), p.Conditions, p.EffectiveOn is { } e ? e.ToIso() : null, p.Rationale,
                p.Evidence.Select(ev => new ExportEvidence(ev.Source.Key, ev.Excerpt)).ToList())
            {
                EffectiveDateApproximate = p.EffectiveOnIsApproximate ? true : null,
                InterpretationNote = p.InterpretationNote,
            }).ToList(),
            picture.Consensus.OrderBy(c => c.Proposal.Slug, StringComparer.Ordinal).Select(c => new ExportConsensus(
                c.Proposal.Slug, c.StatusCode,
                StanceVocabulary.All.ToDictionary(d => d.Code, d => c.Result.Counts[d.Stance]),
                c.Result.Blockers, c.Result.StillOpen)
            {
                OptsOut = c.Result.OptingOut.Count > 0 ? c.Result.OptingOut : null,
            }).ToList());
    }

    /// <summary>The document as a picture again, so frozen snapshots render with the live components.</summary>
    public AlliancePicture ToPicture()
    {
        var sources = Sources.ToDictionary(s => s.Key);
        var summitNames = Summits.ToDictionary(s => s.Slug, s => s.Name);
        var titles = Proposals.ToDictionary(p => p.Slug, p => p.Title);
        var members = Members.Select(m => new MemberSummary(m.Alpha3, m.Alpha2, m.Numeric, m.Name, m.Joined, m.Subregion, m.Eu, m.B9))
            .OrderBy(m => m.Name, StringComparer.Create(System.Globalization.CultureInfo.InvariantCulture, true)).ToList();
        var proposals = InDashboardOrder(Proposals).Select(p => new ProposalSummary(
            p.Slug, p.Title, p.Description, p.Proposer, IsoDate.ParseOrNull(p.TabledOn), p.TabledOnApproximate, p.Summit,
            summitNames.GetValueOrDefault(p.Summit, p.Summit), ToDecision(p, sources, titles))).ToList();
        var positions = Positions.Select(p =>
        {
            // An unknown stance code reads as Unknown ("no position on record"), as it always has.
            var stance = StanceVocabulary.TryParse(p.Stance, out var parsed) ? parsed : Stance.Unknown;
            return new PositionView(p.Member, p.Proposal, stance, p.Conditions, IsoDate.ParseOrNull(p.EffectiveDate), p.Rationale,
                p.Evidence.Select(e => new EvidenceView(ToSummary(sources[e.Source]), e.Excerpt)).ToList(), p.EffectiveDateApproximate == true,
                p.InterpretationNote);
        }).ToList();
        var consensus = proposals.Select(p => new ProposalConsensus(p, ConsensusCalculator.Evaluate(
            positions.Where(x => x.ProposalSlug == p.Slug).Select(x => new MemberPosition(x.MemberAlpha3, x.Stance, x.Conditions))))).ToList();
        var summits = Summits.Select(s => new SummitSummary(s.Slug, s.Name, s.City, IsoDate.Parse(s.StartsOn), IsoDate.Parse(s.EndsOn)))
            .OrderBy(s => s.StartsOn).ToList();
        return new AlliancePicture(IsoDate.Parse(AsOf), members, proposals, positions, consensus, summits);
    }

    /// <summary>
    /// The proposals as the dashboard lists them (summit, then tabling date, then slug), for every
    /// view of a document; the canonical JSON keeps them in slug order.
    /// </summary>
    public IReadOnlyList<ExportProposal> InDashboardOrder() => InDashboardOrder(Proposals);

    private List<ExportProposal> InDashboardOrder(IEnumerable<ExportProposal> proposals)
    {
        // Version 2 says where the dashboard put each proposal; version 1 did not, so its order is rebuilt.
        var starts = Summits.ToDictionary(s => s.Slug, s => s.StartsOn);
        return proposals
            .OrderBy(p => p.Position ?? int.MaxValue)
            .ThenBy(p => starts.GetValueOrDefault(p.Summit, ""), StringComparer.Ordinal)
            .ThenBy(p => p.TabledOn is null)
            .ThenBy(p => p.TabledOn ?? "", StringComparer.Ordinal)
            .ThenBy(p => p.Slug, StringComparer.Ordinal)
            .ToList();
    }

    // A version 1 document carries the outcome and its date only; version 2 the whole decision.
    private static ProposalDecision? ToDecision(ExportProposal p, Dictionary<string, ExportSource> sources, Dictionary<string, string> titles)
    {
        if (!ProposalOutcomeCodes.Map.TryParse(p.Outcome, out var outcome))
        {
            throw new InvalidOperationException($"'{p.Outcome}' is not an outcome code.");
        }

        if (outcome == ProposalOutcome.Pending || IsoDate.ParseOrNull(p.DecidedOn) is not { } decidedOn)
        {
            return null;
        }

        var decision = p.Decision;
        return new ProposalDecision(
            0, outcome, decidedOn, decision?.Note,
            (decision?.Evidence ?? []).Select(e => new EvidenceView(ToSummary(sources[e.Source]), e.Excerpt)).ToList(),
            decision?.ReplacedBy, decision?.ReplacedBy is { } slug ? titles.GetValueOrDefault(slug, slug) : null);
    }

    private static SourceSummary ToSummary(ExportSource s)
    {
        // An unknown kind code reads as a news report (the enum's first value), as it always has.
        var kind = SourceKindCodes.TryParse(s.Kind, out var parsed) ? parsed : SourceKind.NewsReport;
        return new SourceSummary(s.Key, s.Title, s.Outlet, s.Url, IsoDate.ParseOrNull(s.Published), s.PublishedApproximate, kind);
    }

}
