using System.Globalization;
using AllianceTracker.Web.Components;
using AllianceTracker.Web.Domain;

namespace AllianceTracker.Web.Features.Charts;

/// <summary>
/// The charts' colours, written out (not CSS variables) so a downloaded SVG looks the same
/// anywhere: each stance's chip colour in the light or dark palette, and a text colour that
/// reads on it. Unknown is the muted grey, so the unknown tiles and segment recede.
/// </summary>
public static class ChartPalette
{
    public static string FillOf(Stance stance, bool dark) => StanceAppearance.HexOf(stance, dark);

    /// <summary>Black or white, whichever contrasts more with the stance's fill.</summary>
    public static string TextOn(Stance stance, bool dark)
    {
        var luminance = Luminance(FillOf(stance, dark));
        return (luminance + 0.05) / 0.05 >= 1.05 / (luminance + 0.05) ? "#000000" : "#ffffff";
    }

    public static string Background(bool dark) => dark ? "#32333d" : "#ffffff";

    public static string Ink(bool dark) => dark ? "#e6e6eb" : "#1f2328";

    // WCAG relative luminance of a #rrggbb (or #rrggbbaa) colour.
    private static double Luminance(string hex)
    {
        double Channel(int offset)
        {
            var value = int.Parse(hex.AsSpan(1 + offset, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
            return value <= 0.03928 ? value / 12.92 : Math.Pow((value + 0.055) / 1.055, 2.4);
        }

        return (0.2126 * Channel(0)) + (0.7152 * Channel(2)) + (0.0722 * Channel(4));
    }
}
