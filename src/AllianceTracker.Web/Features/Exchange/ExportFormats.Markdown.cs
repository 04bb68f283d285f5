using System.Globalization;
using System.Text;
using AllianceTracker.Web.Domain;

namespace AllianceTracker.Web.Features.Exchange;

/// <summary>The Markdown brief of a document: status per proposal, decisions with their evidence, conditions, the comparison the brief asks for, sources.</summary>
public static partial class ExportFormats
{
    private static string Markdown(ExportDocument document, BriefContext brief)
    {
        var names = document.Members.ToDictionary(m => m.Alpha3, m => m.Name);
        var sources = document.Sources.ToDictionary(s => s.Key);
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# Alliance consensus brief — as of {document.AsOf}").AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"_{Escape(brief.What)}_").AppendLine();
        if (document.View is { } view)
        {
            md.AppendLine(Escape(view.Sentence)).AppendLine();
        }
        md.AppendLine("NATO decides by consensus: one objecting ally blocks.").AppendLine();
        foreach (var consensus in InDashboardOrder(document))
        {
            var proposal = document.Proposals.Single(p => p.Slug == consensus.Proposal);
            md.AppendLine(CultureInfo.InvariantCulture, $"## {Escape(proposal.Title)}").AppendLine();
            if (proposal.Decision is { } decision)
            {
                // A decided proposal is reported by its decision, never as blocked or open.
                var label = ProposalOutcomeCodes.Map.TryParse(decision.Outcome, out var outcome) ? outcome.ToLabel() : decision.Outcome;
                md.AppendLine($"**{label.ToUpperInvariant()}** on {decision.DecidedOn}"
                    + (decision.ReplacedBy is { } replacedBy ? $", replaced by {Escape(document.Proposals.FirstOrDefault(p => p.Slug == replacedBy)?.Title ?? replacedBy)}" : "")
                    + (decision.Note is { } note ? $" — {Escape(note)}" : "") + ".").AppendLine();
                foreach (var evidence in decision.Evidence)
                {
                    md.AppendLine(CultureInfo.InvariantCulture, $"> {Escape(evidence.Excerpt)}").AppendLine(">").AppendLine(CultureInfo.InvariantCulture, $"> — {Escape(sources.TryGetValue(evidence.Source, out var s) ? $"{s.Outlet}, “{s.Title}”" : evidence.Source)}").AppendLine();
                }

                md.AppendLine("Members' recorded stances: " + string.Join(" · ", StanceVocabulary.All.Select(d => $"{d.Label}: {consensus.Counts[d.Code]}"))).AppendLine();
                AppendNamed(md, "On record as opposing", consensus.Blockers, names);
                AppendNamed(md, "On record as opting out", consensus.OptsOut, names);
                md.AppendLine();
                continue;
            }

            md.AppendLine($"**{consensus.Status.ToUpperInvariant()}**" + (consensus.Blockers.Count > 0
                ? $" — blocked by {string.Join(", ", consensus.Blockers.Select(b => names.GetValueOrDefault(b, b)))}."
                : consensus.Status == "consensus" ? " — no ally objects." : $" — no objection yet; {consensus.StillOpen.Count} still open."));
            md.AppendLine();
            md.AppendLine(string.Join(" · ", StanceVocabulary.All.Select(d => $"{d.Label}: {consensus.Counts[d.Code]}"))).AppendLine();
            AppendNamed(md, "Opting out (not blocking)", consensus.OptsOut, names);
            foreach (var conditional in document.Positions.Where(p => p.Proposal == proposal.Slug && p.Conditions is not null))
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"- Condition from {names.GetValueOrDefault(conditional.Member)}: {Escape(conditional.Conditions!)}");
            }

            foreach (var interpreted in document.Positions.Where(p => p.Proposal == proposal.Slug && p.InterpretationNote is not null))
            {
                md.AppendLine(CultureInfo.InvariantCulture,
                    $"- Interpretation, {names.GetValueOrDefault(interpreted.Member)} ({interpreted.Stance}): {Escape(interpreted.InterpretationNote!)}");
            }

            md.AppendLine();
        }

        if (brief.ComparisonHeading is { } heading)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"## {Escape(heading)}").AppendLine();
            if (brief.Comparison is not { } comparison)
            {
                md.AppendLine(Escape(brief.NothingToCompare)).AppendLine();
            }
            else if (comparison.Cells.Count == 0)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"Nothing changed since {Escape(comparison.FromLabel)}.").AppendLine();
            }
            else
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"Compared with {Escape(comparison.FromLabel)}:").AppendLine();
                foreach (var change in comparison.Cells)
                {
                    md.AppendLine(CultureInfo.InvariantCulture, $"- {Escape(change.MemberName)} on {Escape(change.ProposalTitle)}: {change.FromLabel} → {change.ToLabel}");
                }

                md.AppendLine();
            }
        }

        md.AppendLine("## Sources").AppendLine();
        foreach (var source in sources.Values)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- {Escape(source.Outlet)}, “{Escape(source.Title)}”{(source.Published is null ? "" : $", {(source.PublishedApproximate ? "c. " : "")}{source.Published}")}{(source.Url is null ? "" : " " + Autolink(source.Url))}");
        }

        return md.ToString();
    }

    /// <summary>"Opting out (not blocking): Hungary." — the members behind a count, by name; nothing when there are none.</summary>
    private static void AppendNamed(StringBuilder md, string label, IReadOnlyList<string>? members, Dictionary<string, string> names)
    {
        if (members is { Count: > 0 })
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"{label}: {string.Join(", ", members.Select(m => Escape(names.GetValueOrDefault(m, m))))}.").AppendLine();
        }
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
