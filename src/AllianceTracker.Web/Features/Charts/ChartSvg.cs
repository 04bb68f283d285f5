using System.Globalization;
using System.Net;
using System.Text;
using AllianceTracker.Web.Components;
using AllianceTracker.Web.Domain;
using AllianceTracker.Web.Features.Positions;

namespace AllianceTracker.Web.Features.Charts;

/// <summary>
/// The proposal page's two charts as SVG text: a stacked bar of the 32 members and a tile map.
/// One drawing serves the page (with links to members) and the download (standalone, with its
/// title, legend and source written in), so what is downloaded is what was seen.
/// </summary>
public static class ChartSvg
{
    private const int Tile = 60;
    private const int Gap = 4;
    private const int BarWidth = 640;
    private const int BarHeight = 36;

    /// <summary>
    /// The tile map: one square per member, its code and a stance word on its stance's colour.
    /// <paramref name="link"/> gives a member tile's link on the page; null in a download, which
    /// gets the <paramref name="caption"/> and a legend written in.
    /// </summary>
    public static string TileMap(AlliancePicture picture, string proposalSlug, bool dark, Func<string, string>? link, string? caption = null)
    {
        var captionHeight = caption is null ? 0 : FooterHeight;
        var width = TileMapLayout.Columns * (Tile + Gap);
        var height = (TileMapLayout.Rows * (Tile + Gap)) + captionHeight;
        var title = picture.FindProposal(proposalSlug)?.Proposal.Title ?? proposalSlug;
        var svg = Open(width, height, $"Tile map of each member's stance on {title}", dark, standalone: link is null);
        var unplaced = 0;
        foreach (var member in picture.Members)
        {
            var (column, row) = TileMapLayout.TileOf(member.Alpha3, TileMapLayout.Tiles.ContainsKey(member.Alpha3) ? 0 : unplaced++);
            var stance = picture.PositionOf(member.Alpha3, proposalSlug).Stance;
            var x = column * (Tile + Gap);
            var y = row * (Tile + Gap);
            var mark = StanceMarks.Of(stance);
            // The visible code and word first, so a voice user can say what they see (WCAG 2.5.3).
            var label = $"{member.Alpha3}{(mark.Length > 0 ? " " + mark : "")}: {member.Name}, {stance.ToLabel()}";
            var text = ChartPalette.TextOn(stance, dark);
            var tile = $"<title>{Escape(label)}</title>"
                + $"<rect x=\"{x}\" y=\"{y}\" width=\"{Tile}\" height=\"{Tile}\" rx=\"6\" fill=\"{ChartPalette.FillOf(stance, dark)}\"/>"
                + $"<text x=\"{x + (Tile / 2)}\" y=\"{y + (mark.Length > 0 ? 28 : 36)}\" text-anchor=\"middle\" font-size=\"18\" font-weight=\"700\" fill=\"{text}\">{member.Alpha3}"
                // One text element, so the tile's visible text reads "HUN no" as it is seen, not "HUNno".
                + (mark.Length > 0 ? $"<tspan x=\"{x + (Tile / 2)}\" dy=\"20\" font-size=\"14\" font-weight=\"400\"> {Escape(mark)}</tspan>" : "")
                + "</text>";
            svg.Append(link is null
                ? $"<g class=\"tile\" data-member=\"{member.Alpha3}\" data-stance=\"{stance.ToCode()}\">{tile}</g>"
                : $"<a class=\"map-member\" href=\"{Escape(link(member.Alpha3))}\" aria-label=\"{Escape(label)}\" data-member=\"{member.Alpha3}\" data-stance=\"{stance.ToCode()}\" data-cell=\"{member.Alpha3}:{Escape(proposalSlug)}\">{tile}</a>");
        }

        if (caption is not null)
        {
            AppendFooter(svg, picture, proposalSlug, dark, TileMapLayout.Rows * (Tile + Gap), width, caption);
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>A bar of 32 equal parts, one per member, in the stances' order with unknown last and muted.</summary>
    public static string StackedBar(AlliancePicture picture, string proposalSlug, bool dark, string? caption = null)
    {
        var counts = Counts(picture, proposalSlug);
        var total = Math.Max(1, counts.Values.Sum());
        var extra = caption is null ? 0 : FooterHeight;
        var title = picture.FindProposal(proposalSlug)?.Proposal.Title ?? proposalSlug;
        var svg = Open(BarWidth, BarHeight + extra, $"Stacked bar of the members' stances on {title}", dark, standalone: caption is not null);
        double x = 0;
        foreach (var stance in StanceMarks.BarOrder.Where(s => counts[s] > 0))
        {
            var width = BarWidth * counts[stance] / (double)total;
            svg.Append(CultureInfo.InvariantCulture,
                $"<g class=\"segment\" data-stance=\"{stance.ToCode()}\"><title>{Escape(stance.ToLabel())}: {counts[stance]}</title>"
                + $"<rect x=\"{Number(x)}\" y=\"0\" width=\"{Number(width)}\" height=\"{BarHeight}\" fill=\"{ChartPalette.FillOf(stance, dark)}\"/>");
            if (width >= 24)
            {
                svg.Append(CultureInfo.InvariantCulture,
                    $"<text x=\"{Number(x + (width / 2))}\" y=\"{(BarHeight / 2) + 6}\" text-anchor=\"middle\" font-size=\"16\" font-weight=\"700\" fill=\"{ChartPalette.TextOn(stance, dark)}\">{counts[stance]}</text>");
            }

            svg.Append("</g>");
            x += width;
        }

        if (caption is not null)
        {
            AppendFooter(svg, picture, proposalSlug, dark, BarHeight, BarWidth, caption);
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>How many members hold each stance on the proposal: the consensus rule's own counts, every stance present.</summary>
    public static IReadOnlyDictionary<Stance, int> Counts(AlliancePicture picture, string proposalSlug) =>
        picture.FindProposal(proposalSlug)?.Result.Counts ?? StanceMarks.BarOrder.ToDictionary(s => s, _ => 0);

    private static StringBuilder Open(int width, int height, string label, bool dark, bool standalone)
    {
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" role=\"group\" aria-label=\"{Escape(label)}\" font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif\"");
        svg.Append(standalone ? $" width=\"{width}\" height=\"{height}\">" : ">");
        if (standalone)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<title>{Escape(label)}</title><rect width=\"{width}\" height=\"{height}\" fill=\"{ChartPalette.Background(dark)}\"/>");
        }

        return svg;
    }

    // The legend and caption of a download, under the chart: three stances to a row, then the
    // title and date, then the source address, each on its own line so nothing is cut.
    private const int FooterHeight = 110;

    private static void AppendFooter(StringBuilder svg, AlliancePicture picture, string proposalSlug, bool dark, int top, int width, string caption)
    {
        var counts = Counts(picture, proposalSlug);
        var step = width / 3;
        for (var i = 0; i < StanceMarks.BarOrder.Count; i++)
        {
            var stance = StanceMarks.BarOrder[i];
            var x = i % 3 * step;
            var y = top + 22 + (i / 3 * 22);
            svg.Append(CultureInfo.InvariantCulture,
                $"<rect x=\"{x}\" y=\"{y - 12}\" width=\"14\" height=\"14\" rx=\"3\" fill=\"{ChartPalette.FillOf(stance, dark)}\"/>"
                + $"<text x=\"{x + 18}\" y=\"{y}\" font-size=\"13\" fill=\"{ChartPalette.Ink(dark)}\">{Escape(stance.ToLabel())} {counts[stance]}</text>");
        }

        var lines = caption.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{top + 82 + (i * 18)}\" font-size=\"12\" fill=\"{ChartPalette.Ink(dark)}\">{Escape(lines[i])}</text>");
        }
    }

    private static string Escape(string text) => WebUtility.HtmlEncode(text);

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
