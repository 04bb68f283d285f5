using System.Globalization;
using System.Text;
using CsvHelper;

namespace AllianceTracker.Web.Features.Exchange;

/// <summary>The CSV form of a document: one row per member × proposal, formula triggers neutralised, UTF-8 with a byte order mark.</summary>
public static partial class ExportFormats
{
    internal static readonly CsvWriterOptions CsvOptions = new()
    {
        // A cell that begins with =, +, -, @, tab or carriage return is prefixed with ' so that
        // Excel and LibreOffice show it as text instead of evaluating it (CSV injection).
        Injection = CsvInjection.Escape,
        InjectionCharacters = "=+-@\t\r",
        InjectionEscape = '\'',
        FormatProvider = CultureInfo.InvariantCulture,
    };

    /// <summary>For scripts (formulaGuard=false): every value exactly as stored, nothing prefixed.</summary>
    internal static readonly CsvWriterOptions UnguardedCsvOptions = CsvOptions with { Injection = CsvInjection.None };

    /// <summary>
    /// A cell's text with formula triggers after a ';' or a tab escaped too ("a;=1+1" → "a;'=1+1"):
    /// Excel in locales whose list separator is ';' splits such a cell and would evaluate the
    /// second part. A trigger at the start is escaped by <see cref="CsvOptions"/>.
    /// </summary>
    internal static string CsvCell(string text)
    {
        if (text.IndexOfAny([';', '\t']) < 0)
        {
            return text;
        }

        var cell = new StringBuilder(text.Length + 4);
        var afterSeparator = false;
        foreach (var c in text)
        {
            if (afterSeparator && c is '=' or '+' or '-' or '@')
            {
                cell.Append('\'');
            }

            afterSeparator = c is ';' or '\t' || (afterSeparator && c == ' ');
            cell.Append(c);
        }

        return cell.ToString();
    }

    private static byte[] Csv(ExportDocument document, bool formulaGuard)
    {
        var names = document.Members.ToDictionary(m => m.Alpha3, m => m.Name);
        var titles = document.Proposals.ToDictionary(p => p.Slug, p => p.Title);
        var proposals = document.Proposals.ToDictionary(p => p.Slug);
        var statuses = document.Consensus.ToDictionary(c => c.Proposal, c => c.Status);
        var sources = document.Sources.ToDictionary(s => s.Key);
        string Cell(string value) => formulaGuard ? CsvCell(value) : value;
        using var text = new StringWriter();
        using (var csv = CsvWriter.Create(text, formulaGuard ? CsvOptions : UnguardedCsvOptions, leaveOpen: true))
        {
            foreach (var header in new[] { "as_of", "member", "member_name", "proposal", "proposal_title", "stance", "conditions", "effective_date", "effective_date_approximate", "rationale", "sources", "excerpts", "proposal_status", "decided_on", "decision_note", "view", "interpretation_note" })
            {
                csv.WriteField(Cell(header));
            }

            csv.EndRecord();
            foreach (var p in document.Positions)
            {
                csv.WriteField(Cell(document.AsOf));
                csv.WriteField(Cell(p.Member));
                csv.WriteField(Cell(names.GetValueOrDefault(p.Member, p.Member)));
                csv.WriteField(Cell(p.Proposal));
                csv.WriteField(Cell(titles.GetValueOrDefault(p.Proposal, p.Proposal)));
                csv.WriteField(Cell(p.Stance));
                csv.WriteField(Cell(p.Conditions ?? ""));
                csv.WriteField(Cell(p.EffectiveDate ?? ""));
                // Empty where not known: no date, or a version 1 snapshot from before the flag.
                csv.WriteField(document.IsApproximate(p) is { } approximate ? (approximate ? "true" : "false") : "");
                csv.WriteField(Cell(p.Rationale ?? ""));
                csv.WriteField(Cell(string.Join("; ", p.Evidence.Select(e => sources.TryGetValue(e.Source, out var s) ? $"{s.Outlet}: {s.Title}" : e.Source))));
                csv.WriteField(Cell(string.Join(" | ", p.Evidence.Select(e => e.Excerpt))));
                csv.WriteField(Cell(statuses.GetValueOrDefault(p.Proposal, "")));
                csv.WriteField(Cell(proposals.TryGetValue(p.Proposal, out var proposal) ? proposal.Decision?.DecidedOn ?? "" : ""));
                csv.WriteField(Cell(proposal?.Decision?.Note ?? ""));
                csv.WriteField(Cell(document.View?.Filters ?? ""));
                // Last: a column added later goes at the end, so readers that count columns keep working.
                csv.WriteField(Cell(p.InterpretationNote ?? ""));
                csv.EndRecord();
            }
        }

        return WithByteOrderMark(text.ToString());
    }

    /// <summary>
    /// CSV text as UTF-8 with a byte order mark: Excel on Windows reads a file without one in the
    /// local code page (TÃ¼rkiye, â‚¬100bn). Scripts that do not want it ask for bom=false.
    /// </summary>
    internal static byte[] WithByteOrderMark(string csv) => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)];

    /// <summary>The same CSV file without its byte order mark (bom=false); any other file as it is.</summary>
    public static ExportFile WithoutByteOrderMark(ExportFile file) =>
        file.FileName.EndsWith(".csv", StringComparison.Ordinal) && file.Content.AsSpan().StartsWith(Encoding.UTF8.Preamble)
            ? file with { Content = file.Content[Encoding.UTF8.Preamble.Length..] }
            : file;
}
