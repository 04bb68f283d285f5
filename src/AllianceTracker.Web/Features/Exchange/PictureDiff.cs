namespace AllianceTracker.Web.Features.Exchange;

public sealed record CellChange(
    string Member, string MemberName, string Proposal, string From, string To, string? FromConditions, string? ToConditions,
    string? Rationale, IReadOnlyList<ExportEvidence> Evidence);

public sealed record StatusChange(string Proposal, string From, string To);

public sealed record PictureDiff(string FromLabel, string ToLabel, IReadOnlyList<CellChange> Cells, IReadOnlyList<StatusChange> Statuses)
{
    /// <summary>What changed between two documents: each cell whose stance or conditions differ, and each change of consensus status.</summary>
    public static PictureDiff Between(ExportDocument from, ExportDocument to, string fromLabel, string toLabel)
    {
        var before = from.Positions.ToDictionary(p => (p.Member, p.Proposal));
        var names = from.Members.Concat(to.Members).DistinctBy(m => m.Alpha3).ToDictionary(m => m.Alpha3, m => m.Name);
        var cells = to.Positions
            .Select(now => (Now: now, Before: before.GetValueOrDefault((now.Member, now.Proposal))))
            .Where(pair => pair.Before is null ? pair.Now.Stance != "unknown" : pair.Before.Stance != pair.Now.Stance || pair.Before.Conditions != pair.Now.Conditions)
            .Select(pair => new CellChange(
                pair.Now.Member, names.GetValueOrDefault(pair.Now.Member, pair.Now.Member), pair.Now.Proposal,
                pair.Before?.Stance ?? "unknown", pair.Now.Stance, pair.Before?.Conditions, pair.Now.Conditions, pair.Now.Rationale, pair.Now.Evidence))
            .OrderBy(c => c.Proposal, StringComparer.Ordinal).ThenBy(c => c.Member, StringComparer.Ordinal)
            .ToList();
        var statusBefore = from.Consensus.ToDictionary(c => c.Proposal, c => c.Status);
        var statuses = to.Consensus
            .Where(c => statusBefore.GetValueOrDefault(c.Proposal, "open") != c.Status)
            .Select(c => new StatusChange(c.Proposal, statusBefore.GetValueOrDefault(c.Proposal, "open"), c.Status))
            .ToList();
        return new PictureDiff(fromLabel, toLabel, cells, statuses);
    }
}
