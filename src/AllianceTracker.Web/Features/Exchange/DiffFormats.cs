using System.Globalization;
using System.Text;
using AllianceTracker.Web.Api.Contracts;
using CsvHelper;

namespace AllianceTracker.Web.Features.Exchange;

/// <summary>
/// Writes a comparison of two pictures (<see cref="PictureDiff"/>) in the formats briefers use, with
/// the same CSV injection guard and Markdown escaping as the document formats (<see cref="ExportFormats"/>).
/// Every format says what it compares in machine-readable form: each side's kind, ISO date and
/// snapshot id. One file per format: DiffFormats.cs (CSV, JSON), .Xlsx.cs, .Markdown.cs.
/// </summary>
internal static partial class DiffFormats
{
    private static readonly CsvWriterOptions CsvOptions = ExportFormats.CsvOptions;

    /// <summary>
    /// The comparison as a file; <paramref name="origin"/> is where it was asked for (the request's
    /// absolute URL, or the command), which the workbook and the brief say.
    /// </summary>
    public static ExportFile Write(PictureDiff diff, ExportFormat format, string baseName, string? origin = null) => format switch
    {
        ExportFormat.Csv => new(DiffCsv(diff), "text/csv; charset=utf-8", baseName + ".csv"),
        ExportFormat.Json => new(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(diff, ExportDocument.Canonical), "application/json", baseName + ".json"),
        ExportFormat.Xlsx => new(DiffXlsx(diff, origin), XlsxWorkbook.ContentType, baseName + ".xlsx"),
        _ => new(Encoding.UTF8.GetBytes(DiffMarkdown(diff, origin)), "text/markdown; charset=utf-8", baseName + ".md"),
    };

    /// <summary>
    /// The CSV's columns. The first fifteen are those it was first published with, in that order;
    /// the rest were added after them, so a reader that counts columns still finds its own.
    /// </summary>
    internal static readonly string[] CsvHeaders =
    [
        "kind", "from", "to", "member", "member_name", "proposal", "proposal_title", "before", "after", "conditions_after",
        "rationale", "decided_on", "replaced_by", "sources", "excerpts",
        "from_kind", "from_snapshot", "to_kind", "to_snapshot", "effective_date", "effective_date_approximate", "outcome",
    ];

    /// <summary>
    /// One row per change: <c>kind</c> says whether a member's stance (<c>stance</c>) or a
    /// proposal's status (<c>decision</c>: a decision, or the consensus rule's status) changed.
    /// Dates are ISO, members and proposals are given by code beside their names, before/after
    /// are codes, as in every other CSV; every row names both sides (kind, date, snapshot id).
    /// A decision's note is its row's <c>rationale</c>; <c>outcome</c> is set only on a decision.
    /// </summary>
    private static byte[] DiffCsv(PictureDiff diff)
    {
        using var text = new StringWriter();
        using (var csv = CsvWriter.Create(text, CsvOptions, leaveOpen: true))
        {
            Row(csv, CsvHeaders);
            string[] sides = [diff.From.Kind, diff.From.Id ?? "", diff.To.Kind, diff.To.Id ?? ""];
            foreach (var status in diff.Statuses)
            {
                Row(csv, [
                    "decision", diff.From.AsOf, diff.To.AsOf, "", "", status.Proposal, status.ProposalTitle, status.From, status.To, "",
                    status.Note ?? "", status.DecidedOn ?? "", status.ReplacedBy ?? "", Sources(status.Evidence), Excerpts(status.Evidence),
                    .. sides, "", "", status.Outcome ?? "",
                ]);
            }

            foreach (var c in diff.Cells)
            {
                Row(csv, [
                    "stance", diff.From.AsOf, diff.To.AsOf, c.Member, c.MemberName, c.Proposal, c.ProposalTitle, c.From, c.To, c.ToConditions ?? "",
                    c.Rationale ?? "", "", "", Sources(c.Evidence), Excerpts(c.Evidence),
                    .. sides, c.EffectiveDate ?? "", c.EffectiveDate is null ? "" : c.EffectiveDateApproximate ? "true" : "false", "",
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

    private static string Escape(string text) => ExportFormats.Escape(text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
