using System.Text.Json.Serialization;
using AllianceTracker.Web.Api.Contracts;

namespace AllianceTracker.Web.Features.Exchange;

// The diff format, version 1 (docs/diff-schema-v1.json): what GET /api/v1/diff.json writes. Field
// names and codes are a public contract, as the export's are: later versions add fields and bump
// "version".

/// <summary>
/// What changed between two pictures, each side described by <see cref="DiffSide"/> (kind, ISO
/// date, snapshot id, label): the cells, the proposals' statuses (decisions included) and texts.
/// </summary>
public sealed record PictureDiff(DiffSide From, DiffSide To, IReadOnlyList<CellChange> Cells, IReadOnlyList<StatusChange> Statuses)
{
    public const string FormatName = "alliance-tracker-diff";
    public const int CurrentVersion = 1;

    /// <summary>The "from" status of a proposal that was not on the table yet on the earlier side.</summary>
    public const string NotTabled = "not-tabled";

    /// <summary>What this document is: always <c>alliance-tracker-diff</c>.</summary>
    [JsonPropertyOrder(-2)]
    public string Format => FormatName;

    /// <summary>The diff format's version (docs/diff-schema-v1.json).</summary>
    [JsonPropertyOrder(-1)]
    public int Version => CurrentVersion;

    public IReadOnlyList<ProposalChange> Proposals { get; init; } = [];

    /// <summary>The earlier side's label; the same as <c>from.label</c> (deprecated, kept for existing clients).</summary>
    public string FromLabel => From.Label;

    /// <summary>The later side's label; the same as <c>to.label</c> (deprecated, kept for existing clients).</summary>
    public string ToLabel => To.Label;

    /// <summary>The earlier side's date (ISO); the same as <c>from.asOf</c> (deprecated, kept for existing clients).</summary>
    public string FromAsOf => From.AsOf;

    /// <summary>The later side's date (ISO); the same as <c>to.asOf</c> (deprecated, kept for existing clients).</summary>
    public string ToAsOf => To.AsOf;

    /// <summary>
    /// A comparison whose sides are known by their labels only (a brief's "since the previous
    /// snapshot", an import's preview): each side is described as the picture on its document's date.
    /// </summary>
    public static PictureDiff Between(ExportDocument from, ExportDocument to, string fromLabel, string toLabel) =>
        Between(from, to, DiffSide.Date(from.AsOf, fromLabel), DiffSide.Date(to.AsOf, toLabel));

    /// <summary>
    /// What changed between two documents: each cell whose stance or conditions differ (with the
    /// new stance's effective date, evidence and sources), each change of status, and each proposal
    /// added or reworded.
    /// </summary>
    public static PictureDiff Between(ExportDocument from, ExportDocument to, DiffSide fromSide, DiffSide toSide)
    {
        var before = from.Positions.ToDictionary(p => (p.Member, p.Proposal));
        var names = from.Members.Concat(to.Members).DistinctBy(m => m.Alpha3).ToDictionary(m => m.Alpha3, m => m.Name);
        var titles = from.Proposals.Concat(to.Proposals).DistinctBy(p => p.Slug).ToDictionary(p => p.Slug, p => p.Title);
        foreach (var p in to.Proposals)
        {
            titles[p.Slug] = p.Title;
        }

        var sources = from.Sources.Concat(to.Sources).DistinctBy(s => s.Key).ToDictionary(s => s.Key);
        var order = to.InDashboardOrder().Select((p, i) => (p.Slug, i)).ToDictionary(x => x.Slug, x => x.i);
        var cells = to.Positions
            .Select(now => (Now: now, Before: before.GetValueOrDefault((now.Member, now.Proposal))))
            .Where(pair => pair.Before is null ? pair.Now.Stance != "unknown" : pair.Before.Stance != pair.Now.Stance || pair.Before.Conditions != pair.Now.Conditions)
            .Select(pair => new CellChange(
                pair.Now.Member, names.GetValueOrDefault(pair.Now.Member, pair.Now.Member), pair.Now.Proposal,
                pair.Before?.Stance ?? "unknown", pair.Now.Stance, pair.Before?.Conditions, pair.Now.Conditions, pair.Now.Rationale,
                pair.Now.Evidence.Select(e => Quote(e, sources)).ToList(), pair.Now.EffectiveDate, pair.Now.EffectiveDateApproximate == true)
            {
                ProposalTitle = titles.GetValueOrDefault(pair.Now.Proposal, pair.Now.Proposal),
            })
            .OrderBy(c => order.GetValueOrDefault(c.Proposal, int.MaxValue)).ThenBy(c => c.MemberName, StringComparer.Ordinal)
            .ToList();
        var statusBefore = from.Consensus.ToDictionary(c => c.Proposal, c => c.Status);
        var decisions = to.Proposals.Where(p => p.Decision is not null).ToDictionary(p => p.Slug, p => p.Decision!);
        var statuses = to.Consensus
            .Where(c => statusBefore.GetValueOrDefault(c.Proposal, NotTabled) != c.Status)
            .Select(c => decisions.GetValueOrDefault(c.Proposal) is { } decision && decision.Outcome == c.Status
                ? new StatusChange(c.Proposal, statusBefore.GetValueOrDefault(c.Proposal, NotTabled), c.Status)
                {
                    ProposalTitle = titles.GetValueOrDefault(c.Proposal, c.Proposal),
                    Outcome = decision.Outcome,
                    DecidedOn = decision.DecidedOn,
                    Note = decision.Note,
                    ReplacedBy = decision.ReplacedBy,
                    ReplacedByTitle = decision.ReplacedBy is { } replacing ? titles.GetValueOrDefault(replacing, replacing) : null,
                    Evidence = decision.Evidence.Select(e => Quote(e, sources)).ToList(),
                }
                : new StatusChange(c.Proposal, statusBefore.GetValueOrDefault(c.Proposal, NotTabled), c.Status) { ProposalTitle = titles.GetValueOrDefault(c.Proposal, c.Proposal) })
            .OrderBy(s => order.GetValueOrDefault(s.Proposal, int.MaxValue))
            .ToList();
        var earlier = from.Proposals.ToDictionary(p => p.Slug);
        var proposals = to.InDashboardOrder()
            .Select(p => earlier.TryGetValue(p.Slug, out var old)
                ? old.Title != p.Title || old.Description != p.Description || old.Proposer != p.Proposer
                    ? old.Title != p.Title
                        ? new ProposalChange(p.Slug, p.Title, ProposalChange.Reworded, $"Reworded (was “{old.Title}”)")
                        : new ProposalChange(p.Slug, p.Title, ProposalChange.Revised, "Description or proposer revised")
                    : null
                : new ProposalChange(p.Slug, p.Title, ProposalChange.Tabled, "Tabled"))
            .OfType<ProposalChange>()
            .ToList();
        return new PictureDiff(fromSide, toSide, cells, statuses) { Proposals = proposals };
    }

    private static DiffEvidence Quote(ExportEvidence evidence, Dictionary<string, ExportSource> sources) =>
        sources.TryGetValue(evidence.Source, out var s)
            ? new DiffEvidence(evidence.Source, evidence.Excerpt, s.Title, s.Outlet, s.Url)
            : new DiffEvidence(evidence.Source, evidence.Excerpt, evidence.Source, "", null);
}
