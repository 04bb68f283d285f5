using System.Text;

namespace AllianceTracker.Web.Features.Exchange;

/// <summary>
/// Writes documents and diffs in the formats briefers use. CSV cells that a spreadsheet would run
/// as a formula are neutralised; XLSX cells are written as text, never formulas. One file per
/// format: ExportFormats.Csv.cs, .Xlsx.cs, .Markdown.cs (JSON is the document's canonical bytes).
/// </summary>
public static partial class ExportFormats
{
    public const string FormatList = "csv, json, xlsx or md";

    public static bool TryParse(string? text, out ExportFormat format) =>
        Enum.TryParse(text, ignoreCase: true, out format) && Enum.IsDefined(format) && !char.IsDigit(text![0]);

    /// <summary>Why <paramref name="text"/> is not a format, in the words the API and the command line both use.</summary>
    public static string UnknownFormat(string? text) => $"Unknown format '{text}'; use {FormatList}.";

    public static ExportFile Write(ExportDocument document, ExportFormat format, string baseName, BriefContext? brief = null, bool formulaGuard = true) =>
        WriteNamed(document, format, ExportFileNames.Capped(baseName, format), brief, formulaGuard);

    private static ExportFile WriteNamed(ExportDocument document, ExportFormat format, string baseName, BriefContext? brief, bool formulaGuard) => format switch
    {
        ExportFormat.Csv => new(Csv(document, formulaGuard), "text/csv; charset=utf-8", baseName + ".csv"),
        ExportFormat.Json => new(document.ToCanonicalJson(), "application/json", baseName + ".json"),
        ExportFormat.Xlsx => new(Xlsx(document), XlsxWorkbook.ContentType, baseName + ".xlsx"),
        _ => new(Encoding.UTF8.GetBytes(Markdown(document, brief ?? BriefContext.Live(document.AsOf))), "text/markdown; charset=utf-8", baseName + ".md"),
    };

    /// <summary>A comparison in a format (see <see cref="DiffFormats"/>).</summary>
    public static ExportFile Write(PictureDiff diff, ExportFormat format, string baseName) => DiffFormats.Write(diff, format, ExportFileNames.Capped(baseName, format));

    // Every view lists proposals as the dashboard does; the canonical JSON keeps slug order.
    private static IEnumerable<ExportConsensus> InDashboardOrder(ExportDocument document)
    {
        var bySlug = document.Consensus.ToDictionary(c => c.Proposal);
        return document.InDashboardOrder().Where(p => bySlug.ContainsKey(p.Slug)).Select(p => bySlug[p.Slug]);
    }
}
