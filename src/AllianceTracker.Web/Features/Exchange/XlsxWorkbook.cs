using System.IO.Compression;
using AllianceTracker.Web.Domain;
using SpreadCheetah;
using SpreadCheetah.Styling;
using SpreadCheetah.Worksheets;

namespace AllianceTracker.Web.Features.Exchange;

/// <summary>One worksheet: a header row, then rows whose cells are text, whole numbers or dates (null: no cell).</summary>
internal sealed record XlsxSheet(string Name, IReadOnlyList<string> Headers, IEnumerable<IReadOnlyList<object?>> Rows);

/// <summary>
/// Writes workbooks that Excel, LibreOffice, SheetJS and exceljs all open (ADR 0015): plain
/// SpreadsheetML parts (SpreadCheetah), the header row bold and frozen, dates as real date cells
/// shown yyyy-mm-dd, numbers as numbers, empty values without a value (never an empty string),
/// every cell with its reference (readers that skip absent cells still put each value in its column). Text is always
/// a string cell, never a formula.
/// </summary>
internal static class XlsxWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    // Excel's limit for the text of one cell.
    private const int MaxCellText = 32_767;

    private static readonly SpreadCheetahOptions Options = new()
    {
        WriteCellReferenceAttributes = true,
        // No docProps with a creation time: the same picture gives the same bytes, so its ETag holds.
        DocumentProperties = null,
        CompressionLevel = SpreadCheetahCompressionLevel.Optimal,
    };

    /// <summary>A date written as yyyy-MM-dd in the documents, as a date cell; anything else stays text.</summary>
    public static object? Date(string? isoDate) =>
        isoDate is null ? null : IsoDate.TryParse(isoDate, out var date) ? date : isoDate;

    public static byte[] Write(IEnumerable<XlsxSheet> sheets)
    {
        using var stream = new MemoryStream();
        // Writing to memory completes synchronously; the exports' callers are synchronous.
        WriteAsync(stream, sheets).GetAwaiter().GetResult();
        return WithoutWriteTimes(stream.ToArray());
    }

    /// <summary>When every part of a workbook says it was written: the zip format's first day.</summary>
    public static readonly DateTimeOffset PartsWrittenOn = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// The workbook with every part's time set to <see cref="PartsWrittenOn"/>: a zip stores when each
    /// entry was written, so the same snapshot downloaded two seconds apart gave different bytes and
    /// ETags (conditional requests got 200, an archived copy could not be checked by hash; ADR 0015).
    /// Copied part by part in order, each compressed again the same way: the same content, the same bytes.
    /// </summary>
    private static byte[] WithoutWriteTimes(byte[] workbook)
    {
        using var source = new ZipArchive(new MemoryStream(workbook), ZipArchiveMode.Read);
        using var output = new MemoryStream();
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var part in source.Entries)
            {
                var copy = target.CreateEntry(part.FullName, CompressionLevel.Optimal);
                copy.LastWriteTime = PartsWrittenOn;
                using var from = part.Open();
                using var to = copy.Open();
                from.CopyTo(to);
            }
        }

        return output.ToArray();
    }

    private static async Task WriteAsync(Stream stream, IEnumerable<XlsxSheet> sheets)
    {
        await using var workbook = await Spreadsheet.CreateNewAsync(stream, Options);
        var header = workbook.AddStyle(new Style { Font = { Bold = true } });
        var date = workbook.AddStyle(new Style { Format = NumberFormat.Custom("yyyy-mm-dd") });
        foreach (var sheet in sheets)
        {
            await workbook.StartWorksheetAsync(sheet.Name, new WorksheetOptions { FrozenRows = 1 });
            await workbook.AddRowAsync(sheet.Headers.Select(h => new Cell(h, header)).ToArray());
            foreach (var row in sheet.Rows)
            {
                // Trailing empty values get no cell; an empty value between two others is a cell
                // without a value or type (<c r="D2"/>), which every reader reads as empty.
                var length = row.Count;
                while (length > 0 && row[length - 1] is null or "")
                {
                    length--;
                }

                await workbook.AddRowAsync(row.Take(length).Select(value => ToCell(value, date)).ToArray());
            }
        }

        await workbook.FinishAsync();
    }

    private static Cell ToCell(object? value, StyleId date) => value switch
    {
        null => new Cell((string?)null),
        string { Length: 0 } => new Cell((string?)null),
        string text => new Cell(text.Length > MaxCellText ? text[..(MaxCellText - 1)] + "…" : text),
        int number => new Cell(number),
        DateOnly day => new Cell(day.ToDateTime(TimeOnly.MinValue), date),
        bool flag => new Cell(flag ? "yes" : "no"),
        _ => throw new ArgumentException($"A workbook cell cannot hold a {value.GetType().Name}.", nameof(value)),
    };
}
