using System.Globalization;
using System.Text;
using AllianceTracker.Web.Domain;
using CsvHelper;
using MiniExcelLibs;

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

    public static ExportFile Write(ExportDocument document, ExportFormat format, string baseName, PictureDiff? sincePrevious = null) => format switch
    {
        ExportFormat.Csv => new(Csv(document), "text/csv; charset=utf-8", baseName + ".csv"),
        ExportFormat.Json => new(document.ToCanonicalJson(), "application/json", baseName + ".json"),
        ExportFormat.Xlsx => new(Xlsx(document), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", baseName + ".xlsx"),
        _ => new(Encoding.UTF8.GetBytes(Markdown(document, sincePrevious)), "text/markdown; charset=utf-8", baseName + ".md"),
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

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static byte[] Xlsx(ExportDocument document)
    {
        var names = document.Members.ToDictionary(m => m.Alpha3, m => m.Name);
        var sheets = new Dictionary<string, object>
        {
            ["Summary"] = InDashboardOrder(document).Select(c => new Dictionary<string, object?>
            {
                ["Proposal"] = document.Proposals.Single(p => p.Slug == c.Proposal).Title,
                ["Status"] = c.Status,
                ["Decided on"] = document.Proposals.Single(p => p.Slug == c.Proposal).Decision?.DecidedOn ?? "",
                ["Decision note"] = document.Proposals.Single(p => p.Slug == c.Proposal).Decision?.Note ?? "",
                ["Decision evidence"] = string.Join(" | ", (document.Proposals.Single(p => p.Slug == c.Proposal).Decision?.Evidence ?? []).Select(e => $"{e.Source}: {e.Excerpt}")),
                ["Blockers"] = string.Join(", ", c.Blockers.Select(b => names.GetValueOrDefault(b, b))),
                ["Supports"] = c.Counts["supports"],
                ["Conditional"] = c.Counts["conditional"],
                ["Undecided"] = c.Counts["undecided"],
                ["Unknown"] = c.Counts["unknown"],
                ["Opts out"] = c.Counts["opts-out"],
                ["Opposes"] = c.Counts["opposes"],
                ["As of"] = document.AsOf,
            }).ToList(),
        };
        // "Summary" and "Sources" are taken; Excel compares sheet names without case.
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "Summary", "Sources" };
        foreach (var proposal in document.InDashboardOrder())
        {
            sheets[SheetName(proposal.Slug, taken)] = document.Positions.Where(p => p.Proposal == proposal.Slug).Select(p => new Dictionary<string, object?>
            {
                ["Member"] = names.GetValueOrDefault(p.Member, p.Member),
                ["Code"] = p.Member,
                ["Stance"] = p.Stance,
                ["Conditions"] = p.Conditions ?? "",
                ["Effective"] = p.EffectiveDate ?? "",
                ["Rationale"] = p.Rationale ?? "",
                ["Sources"] = string.Join("; ", p.Evidence.Select(e => e.Source)),
            }).ToList();
        }

        sheets["Sources"] = document.Sources.Select(s => new Dictionary<string, object?>
        {
            ["Key"] = s.Key,
            ["Title"] = s.Title,
            ["Outlet"] = s.Outlet,
            ["URL"] = s.Url ?? "",
            ["Published"] = s.Published ?? "",
            ["Approximate date"] = s.PublishedApproximate ? "yes" : "no",
        }).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(sheets, excelType: ExcelType.XLSX);
        return stream.ToArray();
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

    private static string Markdown(ExportDocument document, PictureDiff? sincePrevious)
    {
        var names = document.Members.ToDictionary(m => m.Alpha3, m => m.Name);
        var sources = document.Sources.ToDictionary(s => s.Key);
        var md = new StringBuilder();
        md.AppendLine($"# Alliance consensus brief — as of {document.AsOf}").AppendLine();
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

        md.AppendLine("## What changed since the previous snapshot").AppendLine();
        if (sincePrevious is null)
        {
            md.AppendLine("This is the first snapshot.").AppendLine();
        }
        else if (sincePrevious.Cells.Count == 0)
        {
            md.AppendLine($"Nothing changed since {Escape(sincePrevious.FromLabel)}.").AppendLine();
        }
        else
        {
            foreach (var change in sincePrevious.Cells)
            {
                md.AppendLine($"- {Escape(change.MemberName)} on {Escape(change.ProposalTitle)}: {change.FromLabel} → {change.ToLabel}");
            }

            md.AppendLine();
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
