using System.Text;
using AllianceTracker.Web.Domain;
using AllianceTracker.Web.Features.Positions;

namespace AllianceTracker.Web.Features.Exchange;

/// <summary>
/// Download names: what the file holds (its view and date) in ASCII words, and never longer than
/// 120 bytes with the extension — `curl -OJ` and Chromium refuse longer names (a 300-character
/// snapshot title once made a 366-byte one).
/// </summary>
public static class ExportFileNames
{
    public const int MaxBytes = 120;

    /// <summary>"-region-nordic-eu-stance-opposes-on-ukraine-fund-q-turkey" for a filtered view, "" for the whole picture.</summary>
    public static string ViewSuffix(MatrixQuery view, string? summit, string? proposal = null)
    {
        var parts = new List<string>();
        if (summit is not null)
        {
            parts.Add($"summit-{summit}");
        }

        if (proposal is not null)
        {
            parts.Add($"proposal-{proposal}");
        }

        if (view.Region is not null)
        {
            parts.Add($"region-{view.Region}");
        }

        if (view.Eu is { } eu)
        {
            parts.Add(eu ? "eu" : "non-eu");
        }

        if (view.B9 is { } b9)
        {
            parts.Add(b9 ? "b9" : "non-b9");
        }

        if (view.Stance is { } stance)
        {
            parts.Add($"stance-{stance.ToCode()}" + (view.On is null ? "" : $"-on-{view.On}"));
        }

        if (!string.IsNullOrWhiteSpace(view.Text))
        {
            parts.Add($"q-{view.Text}");
        }

        return parts.Count == 0 ? "" : "-" + Slug(string.Join('-', parts));
    }

    /// <summary>The base name cut so that base + extension fits <see cref="MaxBytes"/>, at a word's end where it can.</summary>
    public static string Capped(string baseName, ExportFormat format)
    {
        var room = MaxBytes - 1 - format.ToString().Length;
        var name = Slug(baseName);
        if (name.Length <= room)
        {
            return name;
        }

        var cut = name[..room];
        var lastDash = cut.LastIndexOf('-');
        return (lastDash > room / 2 ? cut[..lastDash] : cut).TrimEnd('-');
    }

    /// <summary>Lower-case ASCII letters, digits and single dashes (accents dropped, everything else a dash).</summary>
    private static string Slug(string text)
    {
        var slug = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c) || c == '.')
            {
                slug.Append(char.ToLowerInvariant(c));
            }
            else if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark && slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        return slug.ToString().TrimEnd('-');
    }
}
