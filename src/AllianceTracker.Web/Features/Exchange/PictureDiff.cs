using AllianceTracker.Web.Api.Contracts;

namespace AllianceTracker.Web.Features.Exchange;

public sealed record PictureDiff(string FromLabel, string ToLabel, IReadOnlyList<CellChange> Cells, IReadOnlyList<StatusChange> Statuses)
{
    /// <summary>The earlier side's date (ISO), whatever its label says ("now", a snapshot).</summary>
    public string FromAsOf { get; init; } = "";

    /// <summary>The later side's date (ISO).</summary>
    public string ToAsOf { get; init; } = "";

    /// <summary>The "from" status of a proposal that was not on the table yet on the earlier side.</summary>
    public const string NotTabled = "not-tabled";

    public IReadOnlyList<ProposalChange> Proposals { get; init; } = [];

    /// <summary>
    /// What changed between two documents: each cell whose stance or conditions differ (with the
    /// new stance's evidence and sources), each change of status, and each proposal added or reworded.
    /// </summary>
    public static PictureDiff Between(ExportDocument from, ExportDocument to, string fromLabel, string toLabel)
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
                pair.Now.Evidence.Select(e => Quote(e, sources)).ToList())
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
                    ? new ProposalChange(p.Slug, p.Title, old.Title != p.Title ? $"Reworded (was “{old.Title}”)" : "Description or proposer revised")
                    : null
                : new ProposalChange(p.Slug, p.Title, "Tabled"))
            .OfType<ProposalChange>()
            .ToList();
        return new PictureDiff(fromLabel, toLabel, cells, statuses) { Proposals = proposals, FromAsOf = from.AsOf, ToAsOf = to.AsOf };
    }

    private static DiffEvidence Quote(ExportEvidence evidence, Dictionary<string, ExportSource> sources) =>
        sources.TryGetValue(evidence.Source, out var s)
            ? new DiffEvidence(evidence.Source, evidence.Excerpt, s.Title, s.Outlet, s.Url)
            : new DiffEvidence(evidence.Source, evidence.Excerpt, evidence.Source, "", null);
}
