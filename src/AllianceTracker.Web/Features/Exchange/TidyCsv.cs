using CsvHelper;

namespace AllianceTracker.Web.Features.Exchange;

/// <summary>A tidy table as CSV: a header of its field names, then its rows; RFC 4180 with CRLF.</summary>
public static class TidyCsv
{
    /// <summary>
    /// The CSV text. With <paramref name="formulaGuard"/> (the default for downloads people open in
    /// a spreadsheet) a cell that would start a formula gets a leading apostrophe; scripts turn it
    /// off (formulaGuard=false) and get every value exactly as stored.
    /// </summary>
    public static string Write(TidyTable table, IReadOnlyList<string?[]> rows, bool formulaGuard)
    {
        using var text = new StringWriter();
        using (var csv = CsvWriter.Create(text, formulaGuard ? ExportFormats.CsvOptions : ExportFormats.UnguardedCsvOptions, leaveOpen: true))
        {
            foreach (var field in table.Fields)
            {
                csv.WriteField(field.Name);
            }

            csv.EndRecord();
            foreach (var row in rows)
            {
                foreach (var cell in row)
                {
                    csv.WriteField(formulaGuard ? ExportFormats.CsvCell(cell ?? "") : cell ?? "");
                }

                csv.EndRecord();
            }
        }

        return text.ToString();
    }
}
