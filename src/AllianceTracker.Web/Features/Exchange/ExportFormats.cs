using System.Globalization;
using System.Text;
using AllianceTracker.Web.Domain;
using CsvHelper;

namespace AllianceTracker.Web.Features.Exchange;

public enum ExportFormat
{
    Csv,
    Json,
    Xlsx,
    Md,
}

public sealed record ExportFile(byte[] Content, string ContentType, string FileName);

/// <summary>
/// What a Markdown brief is (a snapshot, or the live picture) and what it compares itself with:
/// a snapshot with the one before it; the live picture with the latest snapshot only when asked
/// (<c>compare=latest-snapshot</c>), since a comparison nobody asked for reads as a claim.
/// </summary>
/// <param name="What">One line saying what the brief is, under its title.</param>
/// <param name="ComparisonHeading">The heading of the comparison section; null: no comparison section.</param>
/// <param name="Comparison">The differences; null when there is nothing to compare with.</param>
/// <param name="NothingToCompare">What to say when <paramref name="Comparison"/> is null.</param>
public sealed record BriefContext(string What, string? ComparisonHeading = null, PictureDiff? Comparison = null, string NothingToCompare = "")
{
    public const string LatestSnapshot = "latest-snapshot";

    /// <summary>The live picture, as the export endpoint and the command line give it.</summary>
    public static BriefContext Live(string asOf) =>
        new($"The live picture as of {asOf}, not a snapshot: it changes as editors record news. For a record to cite, take a snapshot.");
}

/// <summary>The latest snapshot, for a live brief that asks to be compared with it (implemented by Snapshots).</summary>
public interface ILatestSnapshot
{
    /// <summary>The latest snapshot's label ("snapshot abc, “Title”") and document; null when there is none.</summary>
    Task<(string Label, ExportDocument Document)?> GetAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Writes documents and diffs in the formats briefers use. CSV cells that a spreadsheet would run
/// as a formula are neutralised; XLSX cells are written as text, never formulas.
/// </summary>
public static class ExportFormats
{
    public const string FormatList = "csv, json, xlsx or md";

    public static bool TryParse(string? text, out ExportFormat format) =>
        Enum.TryParse(text, ignoreCase: true, out format) && Enum.IsDefined(format) && !char.IsDigit(text![0]);

    /// <summary>Why <paramref name="text"/> is not a format, in the words the API and the command line both use.</summary>
    public static string UnknownFormat(string? text) => $"Unknown format '{text}'; use {FormatList}.";

    internal static readonly CsvWriterOptions CsvOptions = new()
    {
        // A cell that begins with =, +, -, @, tab or carriage return is prefixed with ' so that
        // Excel and LibreOffice show it as text instead of evaluating it (CSV injection).
        Injection = CsvInjection.Escape,
        InjectionCharacters = "=+-@\t\r",
        InjectionEscape = '\'',
        FormatProvider = CultureInfo.InvariantCulture,
    };

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

    public static ExportFile Write(ExportDocument document, ExportFormat format, string baseName, BriefContext? brief = null) => format switch
    {
        ExportFormat.Csv => new(Csv(document), "text/csv; charset=utf-8", baseName + ".csv"),
        ExportFormat.Json => new(document.ToCanonicalJson(), "application/json", baseName + ".json"),
        ExportFormat.Xlsx => new(Xlsx(document), XlsxWorkbook.ContentType, baseName + ".xlsx"),
        _ => new(Encoding.UTF8.GetBytes(Markdown(document, brief ?? BriefContext.Live(document.AsOf))), "text/markdown; charset=utf-8", baseName + ".md"),
    };

    /// <summary>A comparison in a format (see <see cref="DiffFormats"/>).</summary>
    public static ExportFile Write(PictureDiff diff, ExportFormat format, string baseName) => DiffFormats.Write(diff, format, baseName);

    private static byte[] Csv(ExportDocument document)
    {
        var names = document.Members.ToDictionary(m => m.Alpha3, m => m.Name);
        var titles = document.Proposals.ToDictionary(p => p.Slug, p => p.Title);
        var proposals = document.Proposals.ToDictionary(p => p.Slug);
        var statuses = document.Consensus.ToDictionary(c => c.Proposal, c => c.Status);
        var sources = document.Sources.ToDictionary(s => s.Key);
        using var text = new StringWriter();
        using (var csv = CsvWriter.Create(text, CsvOptions, leaveOpen: true))
        {
            foreach (var header in new[] { "as_of", "member", "member_name", "proposal", "proposal_title", "stance", "conditions", "effective_date", "rationale", "sources", "excerpts", "proposal_status", "decided_on", "decision_note" })
            {
                csv.WriteField(CsvCell(header));
            }

            csv.EndRecord();
            foreach (var p in document.Positions)
            {
                csv.WriteField(CsvCell(document.AsOf));
                csv.WriteField(CsvCell(p.Member));
                csv.WriteField(CsvCell(names.GetValueOrDefault(p.Member, p.Member)));
                csv.WriteField(CsvCell(p.Proposal));
                csv.WriteField(CsvCell(titles.GetValueOrDefault(p.Proposal, p.Proposal)));
                csv.WriteField(CsvCell(p.Stance));
                csv.WriteField(CsvCell(p.Conditions ?? ""));
                csv.WriteField(CsvCell(p.EffectiveDate ?? ""));
                csv.WriteField(CsvCell(p.Rationale ?? ""));
                csv.WriteField(CsvCell(string.Join("; ", p.Evidence.Select(e => sources.TryGetValue(e.Source, out var s) ? $"{s.Outlet}: {s.Title}" : e.Source))));
                csv.WriteField(CsvCell(string.Join(" | ", p.Evidence.Select(e => e.Excerpt))));
                csv.WriteField(CsvCell(statuses.GetValueOrDefault(p.Proposal, "")));
                csv.WriteField(CsvCell(proposals.TryGetValue(p.Proposal, out var proposal) ? proposal.Decision?.DecidedOn ?? "" : ""));
                csv.WriteField(CsvCell(proposal?.Decision?.Note ?? ""));
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

    private static byte[] Xlsx(ExportDocument document)
    {
        var names = document.Members.ToDictionary(m => m.Alpha3, m => m.Name);
        var proposals = document.Proposals.ToDictionary(p => p.Slug);
        var asOf = XlsxWorkbook.Date(document.AsOf);
        var sheets = new List<XlsxSheet>
        {
            new("Summary",
                ["Proposal", "Status", "Decided on", "Decision note", "Decision evidence", "Blockers", "Supports", "Conditional", "Undecided", "Unknown", "Opts out", "Opposes", "As of"],
                InDashboardOrder(document).Select(c => (IReadOnlyList<object?>)
                [
                    proposals[c.Proposal].Title, c.Status, XlsxWorkbook.Date(proposals[c.Proposal].Decision?.DecidedOn), proposals[c.Proposal].Decision?.Note,
                    string.Join(" | ", (proposals[c.Proposal].Decision?.Evidence ?? []).Select(e => $"{e.Source}: {e.Excerpt}")),
                    string.Join(", ", c.Blockers.Select(b => names.GetValueOrDefault(b, b))),
                    c.Counts["supports"], c.Counts["conditional"], c.Counts["undecided"], c.Counts["unknown"], c.Counts["opts-out"], c.Counts["opposes"], asOf,
                ])),
        };
        // "Summary" and "Sources" are taken; Excel compares sheet names without case.
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "Summary", "Sources" };
        foreach (var proposal in document.InDashboardOrder())
        {
            sheets.Add(new(SheetName(proposal.Slug, taken),
                ["Member", "Code", "Stance", "Conditions", "Effective", "Rationale", "Sources"],
                document.Positions.Where(p => p.Proposal == proposal.Slug).Select(p => (IReadOnlyList<object?>)
                [
                    names.GetValueOrDefault(p.Member, p.Member), p.Member, p.Stance, p.Conditions, XlsxWorkbook.Date(p.EffectiveDate), p.Rationale,
                    string.Join("; ", p.Evidence.Select(e => e.Source)),
                ])));
        }

        sheets.Add(new("Sources",
            ["Key", "Title", "Outlet", "URL", "Published", "Approximate date"],
            document.Sources.Select(s => (IReadOnlyList<object?>)[s.Key, s.Title, s.Outlet, s.Url, XlsxWorkbook.Date(s.Published), s.PublishedApproximate])));
        return XlsxWorkbook.Write(sheets);
    }

    // Every view lists proposals as the dashboard does; the canonical JSON keeps slug order.
    private static IEnumerable<ExportConsensus> InDashboardOrder(ExportDocument document)
    {
        var bySlug = document.Consensus.ToDictionary(c => c.Proposal);
        return document.InDashboardOrder().Where(p => bySlug.ContainsKey(p.Slug)).Select(p => bySlug[p.Slug]);
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

    private static string Markdown(ExportDocument document, BriefContext brief)
    {
        var names = document.Members.ToDictionary(m => m.Alpha3, m => m.Name);
        var sources = document.Sources.ToDictionary(s => s.Key);
        var md = new StringBuilder();
        md.AppendLine($"# Alliance consensus brief — as of {document.AsOf}").AppendLine();
        md.AppendLine($"_{Escape(brief.What)}_").AppendLine();
        md.AppendLine("NATO decides by consensus: one objecting ally blocks.").AppendLine();
        foreach (var consensus in InDashboardOrder(document))
        {
            var proposal = document.Proposals.Single(p => p.Slug == consensus.Proposal);
            md.AppendLine($"## {Escape(proposal.Title)}").AppendLine();
            if (proposal.Decision is { } decision)
            {
                // A decided proposal is reported by its decision, never as blocked or open.
                var label = ProposalOutcomeCodes.Map.TryParse(decision.Outcome, out var outcome) ? outcome.ToLabel() : decision.Outcome;
                md.AppendLine($"**{label.ToUpperInvariant()}** on {decision.DecidedOn}"
                    + (decision.ReplacedBy is { } replacedBy ? $", replaced by {Escape(document.Proposals.FirstOrDefault(p => p.Slug == replacedBy)?.Title ?? replacedBy)}" : "")
                    + (decision.Note is { } note ? $" — {Escape(note)}" : "") + ".").AppendLine();
                foreach (var evidence in decision.Evidence)
                {
                    md.AppendLine($"> {Escape(evidence.Excerpt)}").AppendLine(">").AppendLine($"> — {Escape(sources.TryGetValue(evidence.Source, out var s) ? $"{s.Outlet}, “{s.Title}”" : evidence.Source)}").AppendLine();
                }

                md.AppendLine("Members' recorded stances: " + string.Join(" · ", StanceVocabulary.All.Select(d => $"{d.Label}: {consensus.Counts[d.Code]}"))).AppendLine();
                md.AppendLine();
                continue;
            }

            md.AppendLine($"**{consensus.Status.ToUpperInvariant()}**" + (consensus.Blockers.Count > 0
                ? $" — blocked by {string.Join(", ", consensus.Blockers.Select(b => names.GetValueOrDefault(b, b)))}."
                : consensus.Status == "consensus" ? " — no ally objects." : $" — no objection yet; {consensus.StillOpen.Count} still open."));
            md.AppendLine();
            md.AppendLine(string.Join(" · ", StanceVocabulary.All.Select(d => $"{d.Label}: {consensus.Counts[d.Code]}"))).AppendLine();
            foreach (var conditional in document.Positions.Where(p => p.Proposal == proposal.Slug && p.Conditions is not null))
            {
                md.AppendLine($"- Condition from {names.GetValueOrDefault(conditional.Member)}: {Escape(conditional.Conditions!)}");
            }

            md.AppendLine();
        }

        if (brief.ComparisonHeading is { } heading)
        {
            md.AppendLine($"## {Escape(heading)}").AppendLine();
            if (brief.Comparison is not { } comparison)
            {
                md.AppendLine(Escape(brief.NothingToCompare)).AppendLine();
            }
            else if (comparison.Cells.Count == 0)
            {
                md.AppendLine($"Nothing changed since {Escape(comparison.FromLabel)}.").AppendLine();
            }
            else
            {
                md.AppendLine($"Compared with {Escape(comparison.FromLabel)}:").AppendLine();
                foreach (var change in comparison.Cells)
                {
                    md.AppendLine($"- {Escape(change.MemberName)} on {Escape(change.ProposalTitle)}: {change.FromLabel} → {change.ToLabel}");
                }

                md.AppendLine();
            }
        }

        md.AppendLine("## Sources").AppendLine();
        foreach (var source in sources.Values)
        {
            md.AppendLine($"- {Escape(source.Outlet)}, “{Escape(source.Title)}”{(source.Published is null ? "" : $", {(source.PublishedApproximate ? "c. " : "")}{source.Published}")}{(source.Url is null ? "" : " " + Autolink(source.Url))}");
        }

        return md.ToString();
    }

    // Text from sources and editors must not become Markdown structure (or HTML) in the brief.
    // Line breaks of any kind (\r too: it would start a heading) become spaces; & < > become entities.
    internal static string Escape(string text) =>
        new StringBuilder(text).Replace("\\", "\\\\").Replace("&", "&amp;").Replace("|", "\\|").Replace("<", "&lt;").Replace(">", "&gt;")
            .Replace("*", "\\*").Replace("_", "\\_").Replace("[", "\\[").Replace("]", "\\]").Replace("`", "\\`").Replace("#", "\\#")
            .Replace("\r\n", " ").Replace("\r", " ").Replace("\n", " ").Replace("\u2028", " ").Replace("\u2029", " ").ToString();

    /// <summary>
    /// A source's address as a Markdown autolink, only if it is a web address; written as
    /// Uri.AbsoluteUri, which percent-encodes '&lt;', '&gt;', quotes and spaces, so an address cannot
    /// close the link and open HTML. Anything else is shown as escaped text.
    /// </summary>
    internal static string Autolink(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? $"<{uri.AbsoluteUri.Replace(">", "%3E", StringComparison.Ordinal).Replace("<", "%3C", StringComparison.Ordinal)}>"
            : Escape(url);
}
