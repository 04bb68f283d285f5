using AllianceTracker.Web.Api.Contracts;

namespace AllianceTracker.Web.Features.Exchange;

/// <summary>
/// The workbook form of a comparison: first what it compares (both sides, and where it was asked
/// for), then the changes, each code (alpha-3, slug, stance and status codes) in its own column
/// beside the name a person reads.
/// </summary>
internal static partial class DiffFormats
{
    private static byte[] DiffXlsx(PictureDiff diff, string? origin) => XlsxWorkbook.Write(
    [
        new("Compared", ["Side", "Kind", "As of", "Snapshot", "Label", "Generated from"],
            new[] { ("from", diff.From), ("to", diff.To) }.Select(side => (IReadOnlyList<object?>)
            [
                side.Item1, side.Item2.Kind, XlsxWorkbook.Date(side.Item2.AsOf), side.Item2.Id, side.Item2.Label, origin,
            ])),
        new("Changes",
            ["Member", "Member code", "Proposal", "Proposal slug", "Before", "Before code", "After", "After code", "Conditions",
                "Effective", "Approximate date", "Rationale", "Evidence", "Sources"],
            diff.Cells.Select(c => (IReadOnlyList<object?>)
            [
                c.MemberName, c.Member, c.ProposalTitle, c.Proposal, c.FromLabel, c.From, c.ToLabel, c.To, c.ToConditions,
                XlsxWorkbook.Date(c.EffectiveDate), c.EffectiveDate is null ? null : c.EffectiveDateApproximate, c.Rationale,
                Quotes(c.Evidence), SourceKeys(c.Evidence),
            ])),
        new("Status",
            ["Proposal", "Proposal slug", "Before", "Before code", "After", "After code", "Outcome", "Decided on", "Note",
                "Replaced by", "Replaced by slug", "Evidence", "Sources"],
            diff.Statuses.Select(s => (IReadOnlyList<object?>)
            [
                s.ProposalTitle, s.Proposal, s.FromLabel, s.From, s.ToLabel, s.To, s.Outcome, XlsxWorkbook.Date(s.DecidedOn), s.Note,
                s.ReplacedByTitle, s.ReplacedBy, Quotes(s.Evidence), SourceKeys(s.Evidence),
            ])),
        new("Proposals", ["Proposal", "Proposal slug", "Change", "What"],
            diff.Proposals.Select(p => (IReadOnlyList<object?>)[p.Title, p.Proposal, p.Change, p.What])),
    ]);

    private static string Quotes(IReadOnlyList<DiffEvidence> evidence) =>
        string.Join(" | ", evidence.Select(e => $"“{e.Excerpt}” ({e.Outlet}: {e.SourceTitle})"));

    private static string SourceKeys(IReadOnlyList<DiffEvidence> evidence) => string.Join("; ", evidence.Select(e => e.Source));
}
