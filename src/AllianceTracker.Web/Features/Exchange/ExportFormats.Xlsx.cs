namespace AllianceTracker.Web.Features.Exchange;

/// <summary>The workbook form of a document: a summary sheet, one sheet per proposal, the sources (written by <see cref="XlsxWorkbook"/>).</summary>
public static partial class ExportFormats
{
    private static byte[] Xlsx(ExportDocument document)
    {
        var names = document.Members.ToDictionary(m => m.Alpha3, m => m.Name);
        var proposals = document.Proposals.ToDictionary(p => p.Slug);
        var asOf = XlsxWorkbook.Date(document.AsOf);
        var sheets = new List<XlsxSheet>
        {
            new("Summary",
                ["Proposal", "Status", "Decided on", "Decision note", "Decision evidence", "Opposing", "Opting out", "Supports", "Conditional", "Undecided", "Unknown", "Opts out", "Opposes", "As of", "View"],
                InDashboardOrder(document).Select(c => (IReadOnlyList<object?>)
                [
                    proposals[c.Proposal].Title, c.Status, XlsxWorkbook.Date(proposals[c.Proposal].Decision?.DecidedOn), proposals[c.Proposal].Decision?.Note,
                    string.Join(" | ", (proposals[c.Proposal].Decision?.Evidence ?? []).Select(e => $"{e.Source}: {e.Excerpt}")),
                    // Named, before and after a decision: who objected and who stepped aside is the story of the day.
                    string.Join(", ", c.Blockers.Select(b => names.GetValueOrDefault(b, b))),
                    string.Join(", ", (c.OptsOut ?? []).Select(m => names.GetValueOrDefault(m, m))),
                    c.Counts["supports"], c.Counts["conditional"], c.Counts["undecided"], c.Counts["unknown"], c.Counts["opts-out"], c.Counts["opposes"], asOf, document.View?.Sentence,
                ])),
        };
        // "Summary" and "Sources" are taken; Excel compares sheet names without case.
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "Summary", "Sources" };
        foreach (var proposal in document.InDashboardOrder())
        {
            sheets.Add(new(SheetName(proposal.Slug, taken),
                ["Member", "Code", "Stance", "Conditions", "Effective", "Approximate date", "Rationale", "Sources", "Interpretation note"],
                document.Positions.Where(p => p.Proposal == proposal.Slug).Select(p => (IReadOnlyList<object?>)
                [
                    names.GetValueOrDefault(p.Member, p.Member), p.Member, p.Stance, p.Conditions, XlsxWorkbook.Date(p.EffectiveDate), document.IsApproximate(p), p.Rationale,
                    string.Join("; ", p.Evidence.Select(e => e.Source)), p.InterpretationNote,
                ])));
        }

        sheets.Add(new("Sources",
            ["Key", "Title", "Outlet", "URL", "Published", "Approximate date"],
            document.Sources.Select(s => (IReadOnlyList<object?>)[s.Key, s.Title, s.Outlet, s.Url, XlsxWorkbook.Date(s.Published), s.PublishedApproximate])));
        return XlsxWorkbook.Write(sheets);
    }

    // Excel allows 31 characters and no []:*?/\ in a sheet name, and compares names without case:
    // a name already taken (two long slugs alike in their first 31 characters) gets a number.
    internal static string SheetName(string slug, ISet<string> taken)
    {
        var plain = new string(slug.Where(c => !"[]:*?/\\".Contains(c)).ToArray());
        var name = plain[..Math.Min(plain.Length, 31)];
        for (var n = 2; taken.Contains(name); n++)
        {
            var suffix = $"~{n}";
            name = plain[..Math.Min(plain.Length, 31 - suffix.Length)] + suffix;
        }

        taken.Add(name);
        return name;
    }
}
