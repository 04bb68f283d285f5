using System.Globalization;
using AllianceTracker.Web.Components;
using AllianceTracker.Web.Domain;
using AllianceTracker.Web.Features.Charts;
using AllianceTracker.Web.Features.Positions;
using MudBlazor;
using SkiaSharp;

namespace AllianceTracker.Web.Features.Previews;

/// <summary>
/// The picture a link preview shows (1200 × 630 PNG, OpenGraph's size): a proposal's answer —
/// status, who objects, the summit line, a stacked bar of the 32 members with counts — or each
/// proposal's answer for the dashboard. Drawn with SkiaSharp in the embedded DejaVu fonts, so it
/// looks the same on any server, fonts installed or not.
/// </summary>
public static class PreviewImage
{
    public const int Width = 1200;
    public const int Height = 630;
    private const float Margin = 60;

    private static readonly Lazy<SKTypeface> Regular = new(() => Font("DejaVuSans"));
    private static readonly Lazy<SKTypeface> Bold = new(() => Font("DejaVuSans-Bold"));

    public static byte[] Proposal(AlliancePicture picture, ProposalConsensus consensus, string site) => Draw(canvas =>
    {
        var y = Banner(canvas, site);
        y = Paragraph(canvas, consensus.Proposal.Title, Bold.Value, 54, Ink, y + 70, maxLines: 2);
        y = StatusLine(canvas, picture, consensus, y + 30, 38);
        y = Line(canvas, picture.SummitLine(consensus.Proposal), Regular.Value, 26, Muted, y + 44);
        y = Bar(canvas, picture, consensus.Proposal.Slug, y + 30);
        Line(canvas, Footer(picture), Regular.Value, 24, Muted, Height - 40);
    });

    public static byte[] Dashboard(AlliancePicture picture, string site) => Draw(canvas =>
    {
        var y = Banner(canvas, site);
        y = Line(canvas, "Where NATO's allies stand", Bold.Value, 50, Ink, y + 75);
        foreach (var consensus in picture.Consensus.Take(4))
        {
            y = Line(canvas, consensus.Proposal.Title, Bold.Value, 30, Ink, y + 62);
            y = StatusLine(canvas, picture, consensus, y + 14, 28);
        }

        Line(canvas, Footer(picture), Regular.Value, 24, Muted, Height - 40);
    });

    private static SKColor Ink => SKColor.Parse("#1f2328");

    private static SKColor Muted => SKColor.Parse("#55595f");

    private static string Footer(AlliancePicture picture) =>
        $"As of {picture.AsOf.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)} · every stance with its evidence · NATO decides by consensus";

    private static byte[] Draw(Action<SKCanvas> paint)
    {
        using var bitmap = new SKBitmap(Width, Height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            paint(canvas);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    // The site's bar across the top, in the app bar's colour.
    private static float Banner(SKCanvas canvas, string site)
    {
        using var band = new SKPaint { Color = SKColor.Parse(AllianceTheme.Theme.PaletteLight.AppbarBackground.ToString(MudBlazor.Utilities.MudColorOutputFormats.Hex)) };
        canvas.DrawRect(0, 0, Width, 96, band);
        Line(canvas, "◆ AllianceTracker", Bold.Value, 34, SKColors.White, 62);
        using var font = new SKFont(Regular.Value, 24);
        using var paint = new SKPaint { Color = SKColors.White, IsAntialias = true };
        canvas.DrawText(site, Width - Margin, 60, SKTextAlign.Right, font, paint);
        return 96;
    }

    // The status in its chip's colour, then who objects or when it was decided.
    private static float StatusLine(SKCanvas canvas, AlliancePicture picture, ProposalConsensus consensus, float top, float size)
    {
        var label = consensus.Proposal.Decision is { } decision ? decision.Outcome.ToLabel() : StanceAppearance.LabelOf(consensus.Result.Status);
        var color = consensus.Proposal.Decision is null ? StanceAppearance.ColorOf(consensus.Result.Status) : Color.Primary;
        using var font = new SKFont(Bold.Value, size);
        var width = font.MeasureText(label) + (size * 1.2f);
        using var pill = new SKPaint { Color = SKColor.Parse(color == Color.Primary ? "#1a3a6b" : StanceAppearance.HexOf(color)), IsAntialias = true };
        canvas.DrawRoundRect(Margin, top, width, size * 1.5f, size * 0.75f, size * 0.75f, pill);
        using var white = new SKPaint { Color = SKColors.White, IsAntialias = true };
        canvas.DrawText(label, Margin + (size * 0.6f), top + (size * 1.12f), SKTextAlign.Left, font, white);
        using var ink = new SKPaint { Color = Ink, IsAntialias = true };
        canvas.DrawText(consensus.Headline(picture.MemberName), Margin + width + (size * 0.5f), top + (size * 1.12f), SKTextAlign.Left, font, ink);
        return top + (size * 1.5f);
    }

    // The 32 members as one bar, unknown last and muted, each stance's count written on it.
    private static float Bar(SKCanvas canvas, AlliancePicture picture, string slug, float top)
    {
        const float height = 64;
        var counts = ChartSvg.Counts(picture, slug);
        var total = Math.Max(1, counts.Values.Sum());
        var x = Margin;
        using var font = new SKFont(Bold.Value, 28);
        foreach (var stance in StanceMarks.BarOrder.Where(s => counts[s] > 0))
        {
            var width = (Width - (2 * Margin)) * counts[stance] / total;
            using var fill = new SKPaint { Color = SKColor.Parse(StanceAppearance.HexOf(stance)) };
            canvas.DrawRect(x, top, width, height, fill);
            // The count and stance where they fit, the count alone where only it does.
            var label = $"{counts[stance]} {stance.ToLabel()}";
            label = font.MeasureText(label) < width - 12 ? label : font.MeasureText($"{counts[stance]}") < width - 8 ? $"{counts[stance]}" : "";
            using var text = new SKPaint { Color = stance == Stance.Unknown ? Ink : SKColors.White, IsAntialias = true };
            canvas.DrawText(label, x + (width / 2), top + 42, SKTextAlign.Center, font, text);

            x += width;
        }

        var legend = string.Join(" · ", StanceMarks.BarOrder.Select(s => $"{s.ToLabel()} {counts[s]}"));
        return Line(canvas, legend, Regular.Value, 26, Ink, top + height + 44);
    }

    private static float Line(SKCanvas canvas, string text, SKTypeface typeface, float size, SKColor color, float baseline)
    {
        using var font = new SKFont(typeface, size);
        using var paint = new SKPaint { Color = color, IsAntialias = true };
        canvas.DrawText(Fit(text, font, Width - (2 * Margin)), Margin, baseline, SKTextAlign.Left, font, paint);
        return baseline;
    }

    // Words to lines of at most the width, the last cut with an ellipsis.
    private static float Paragraph(SKCanvas canvas, string text, SKTypeface typeface, float size, SKColor color, float baseline, int maxLines)
    {
        using var font = new SKFont(typeface, size);
        var lines = new List<string> { "" };
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = lines[^1].Length == 0 ? word : $"{lines[^1]} {word}";
            if (font.MeasureText(candidate) <= Width - (2 * Margin) || lines[^1].Length == 0)
            {
                lines[^1] = candidate;
            }
            else
            {
                lines.Add(word);
            }
        }

        var shown = lines.Take(maxLines).ToList();
        if (lines.Count > maxLines)
        {
            shown[^1] += " " + string.Join(' ', lines.Skip(maxLines));
        }

        for (var i = 0; i < shown.Count; i++)
        {
            Line(canvas, shown[i], typeface, size, color, baseline + (i * size * 1.2f));
        }

        return baseline + ((shown.Count - 1) * size * 1.2f);
    }

    private static string Fit(string text, SKFont font, float width)
    {
        if (font.MeasureText(text) <= width)
        {
            return text;
        }

        while (text.Length > 1 && font.MeasureText(text + "…") > width)
        {
            text = text[..^1];
        }

        return text.TrimEnd() + "…";
    }

    private static SKTypeface Font(string name)
    {
        using var stream = typeof(PreviewImage).Assembly.GetManifestResourceStream($"AllianceTracker.Previews.{name}.ttf")
            ?? throw new InvalidOperationException($"The embedded font {name} is missing.");
        return SKTypeface.FromStream(stream);
    }
}
