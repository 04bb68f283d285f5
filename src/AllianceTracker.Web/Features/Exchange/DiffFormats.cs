using System.Globalization;
using System.Text;
using AllianceTracker.Web.Api.Contracts;
using CsvHelper;

namespace AllianceTracker.Web.Features.Exchange;

/// <summary>
/// Writes a comparison of two pictures (<see cref="PictureDiff"/>) in the formats briefers use, with
/// the same CSV injection guard and Markdown escaping as the document formats (<see cref="ExportFormats"/>).
/// </summary>
internal static class DiffFormats
{
    private static readonly CsvWriterOptions CsvOptions = ExportFormats.CsvOptions;

    public static ExportFile Write(PictureDiff diff, ExportFormat format, string baseName) => format switch
    {
        ExportFormat.Csv => new(DiffCsv(diff), "text/csv; charset=utf-8", baseName + ".csv"),
        ExportFormat.Json => new(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(diff, ExportDocument.Canonical), "application/json", baseName + ".json"),
        ExportFormat.Xlsx => new(DiffXlsx(diff), XlsxWorkbook.ContentType, baseName + ".xlsx"),
        _ => new(Encoding.UTF8.GetBytes(DiffMarkdown(diff)), "text/markdown; charset=utf-8", baseName + ".md"),
    };

    /// <summary>
    /// One row per change: <c>kind</c> says whether a member's stance (<c>stance</c>) or a
    /// proposal's status (<c>decision</c>: a decision, or the consensus rule's status) changed.
    /// Dates are ISO, members and proposals are given by code beside their names, before/after
    /// are codes, as in every other CSV.
    /// </summary>
    private static byte[] DiffCsv(PictureDiff diff)
    {
        using var text = new StringWriter();
        using (var csv = CsvWriter.Create(text, CsvOptions, leaveOpen: true))
        {
            foreach (var header in new[]
            {
                "kind", "from", "to", "member", "member_name", "proposal", "proposal_title", "before", "after", "conditions_after",
                "rationale", "decided_on", "replaced_by", "sources", "excerpts",
            })
            {
                csv.WriteField(ExportFormats.CsvCell(header));
            }

            csv.EndRecord();
            foreach (var status in diff.Statuses)
            {
                Row(csv, [
                    "decision", diff.FromAsOf, diff.ToAsOf, "", "", status.Proposal, status.ProposalTitle, status.From, status.To, "",
                    status.Note ?? "", status.DecidedOn ?? "", status.ReplacedBy ?? "", Sources(status.Evidence), Excerpts(status.Evidence),
                ]);
            }

            foreach (var c in diff.Cells)
            {
                Row(csv, [
                    "stance", diff.FromAsOf, diff.ToAsOf, c.Member, c.MemberName, c.Proposal, c.ProposalTitle, c.From, c.To, c.ToConditions ?? "",
                    c.Rationale ?? "", "", "", Sources(c.Evidence), Excerpts(c.Evidence),
                ]);
            }
        }

        return ExportFormats.WithByteOrderMark(text.ToString());

        static void Row(CsvWriter csv, string[] fields)
        {
            foreach (var field in fields)
            {
                csv.WriteField(ExportFormats.CsvCell(field));
            }

            csv.EndRecord();
        }
    }

    private static string Sources(IReadOnlyList<DiffEvidence> evidence) =>
        string.Join("; ", evidence.Select(e => $"{e.Outlet}: {e.SourceTitle}{(e.Url is null ? "" : $" <{e.Url}>")}"));

    private static string Excerpts(IReadOnlyList<DiffEvidence> evidence) => string.Join(" | ", evidence.Select(e => e.Excerpt));

    private static byte[] DiffXlsx(PictureDiff diff) => XlsxWorkbook.Write(
    [
        new("Changes", ["Member", "Proposal", "Before", "After", "Conditions", "Rationale", "Evidence"],
            diff.Cells.Select(c => (IReadOnlyList<object?>)
            [
                c.MemberName, c.ProposalTitle, c.FromLabel, c.ToLabel, c.ToConditions, c.Rationale,
                string.Join(" | ", c.Evidence.Select(e => $"“{e.Excerpt}” ({e.Outlet}: {e.SourceTitle})")),
            ])),
        new("Status", ["Proposal", "Before", "After", "Decided on", "Note", "Replaced by", "Evidence"], diff.Statuses.Select(s => (IReadOnlyList<object?>)
        [
            s.ProposalTitle, s.FromLabel, s.ToLabel, XlsxWorkbook.Date(s.DecidedOn), s.Note, s.ReplacedByTitle,
            string.Join(" | ", s.Evidence.Select(e => $"“{e.Excerpt}” ({e.Outlet}: {e.SourceTitle})")),
        ])),
        new("Proposals", ["Proposal", "What"], diff.Proposals.Select(p => (IReadOnlyList<object?>)[p.Title, p.What])),
    ]);

    private static string DiffMarkdown(PictureDiff diff)
    {
        var md = new StringBuilder($"# What changed: {Escape(diff.FromLabel)} → {Escape(diff.ToLabel)}\n\n");
        foreach (var proposal in diff.Proposals)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- **{Escape(proposal.Title)}**: {Escape(proposal.What)}");
        }

        foreach (var status in diff.Statuses)
        {
            md.AppendLine($"- **{Escape(status.ProposalTitle)}**: {status.FromLabel} → {status.ToLabel}"
                + (status.DecidedOn is { } on ? $" on {on}" : "")
                + (status.ReplacedByTitle is { } replacing ? $", replaced by {Escape(replacing)}" : "")
                + (status.Note is { } note ? $" — {Escape(note)}" : ""));
            foreach (var evidence in status.Evidence)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"  > “{Escape(evidence.Excerpt)}” — {Escape(evidence.Outlet)}");
            }
        }

        if (diff.Statuses.Count + diff.Proposals.Count > 0)
        {
            md.AppendLine();
        }

        md.AppendLine(diff.Cells.Count == 0 ? "No stance changed." : "| Member | Proposal | Before | After | Evidence |\n|---|---|---|---|---|");
        foreach (var c in diff.Cells)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {Escape(c.MemberName)} | {Escape(c.ProposalTitle)} | {c.FromLabel} | {c.ToLabel} | {string.Join("; ", c.Evidence.Select(e => $"“{Escape(e.Excerpt)}” — {Escape(e.Outlet)}"))} |");
        }

        return md.ToString();
    }

    private static string Escape(string text) => ExportFormats.Escape(text);
}
