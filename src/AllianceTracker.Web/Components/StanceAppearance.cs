using AllianceTracker.Web.Domain;
using MudBlazor;

namespace AllianceTracker.Web.Components;

/// <summary>
/// How stances and consensus statuses look. Every colour comes with an icon and a text label,
/// so colour is never the only signal.
/// </summary>
public static class StanceAppearance
{
    public static Color ColorOf(Stance stance) => stance switch
    {
        Stance.Supports => Color.Success,
        Stance.Conditional => Color.Info,
        Stance.Undecided => Color.Warning,
        Stance.OptsOut => Color.Secondary,
        Stance.Opposes => Color.Error,
        _ => Color.Default,
    };

    public static string IconOf(Stance stance) => stance switch
    {
        Stance.Supports => Icons.Material.Filled.CheckCircle,
        Stance.Conditional => Icons.Material.Filled.Rule,
        Stance.Undecided => Icons.Material.Filled.HelpOutline,
        Stance.OptsOut => Icons.Material.Filled.RemoveCircleOutline,
        Stance.Opposes => Icons.Material.Filled.Block,
        _ => Icons.Material.Outlined.Circle,
    };

    /// <summary>
    /// The fill for a stance on the map: the same theme colour as the chip, as a CSS variable so
    /// it follows light and dark mode. Unknown gets a mid grey, darker than non-members.
    /// </summary>
    public static string FillOf(Stance stance) => ColorOf(stance) switch
    {
        Color.Default => "var(--map-unknown)",
        var color => $"var(--mud-palette-{color.ToString().ToLowerInvariant()})",
    };

    /// <summary>
    /// A stance's colour as a hex value from the light (or dark) palette, for places that cannot
    /// take the theme's CSS variables (MudBlazor's chart palette, the embeddable card).
    /// </summary>
    public static string HexOf(Stance stance, bool dark = false) => HexOf(ColorOf(stance), dark);

    /// <summary>One of the theme's colours as a hex value; the default colour is a muted grey.</summary>
    public static string HexOf(Color color, bool dark = false)
    {
        Palette palette = dark ? AllianceTheme.Theme.PaletteDark : AllianceTheme.Theme.PaletteLight;
        var value = color switch
        {
            Color.Success => palette.Success,
            Color.Info => palette.Info,
            Color.Warning => palette.Warning,
            Color.Secondary => palette.Secondary,
            Color.Tertiary => palette.Tertiary,
            Color.Error => palette.Error,
            Color.Dark => palette.Dark,
            _ => null,
        };
        return value?.ToString(MudBlazor.Utilities.MudColorOutputFormats.Hex) ?? (dark ? "#5c636b" : "#9aa3ad");
    }

    /// <summary>
    /// The chips' colours as CSS, from <see cref="ColorOf(Stance)"/> and <see cref="ColorOf(ConsensusStatus)"/>:
    /// one mapping for chips, map and chart. Served with the theme's stylesheet.
    /// </summary>
    public static string ChipCss()
    {
        // Each chip's colours and its icon: the icon as a mask in this cached sheet rather than an
        // <svg> per chip in every page (a dashboard shows a hundred chips); app.css paints each
        // chip's ::before in its text colour.
        var css = new System.Text.StringBuilder();
        foreach (var definition in StanceVocabulary.All)
        {
            css.Append(Rule($".stance-{definition.Code}", ColorOf(definition.Stance))).Append(Icon($".stance-{definition.Code}", IconOf(definition.Stance)));
        }

        foreach (var status in Enum.GetValues<ConsensusStatus>())
        {
            css.Append(Rule($".status-{status.ToCode()}", ColorOf(status))).Append(Icon($".status-{status.ToCode()}", IconOf(status)));
        }

        foreach (var outcome in Decisions)
        {
            css.Append(Rule($".status-{outcome.ToCode()}", ColorOf(outcome))).Append(Icon($".status-{outcome.ToCode()}", IconOf(outcome)));
        }

        return css.ToString();

        static string Icon(string selector, string paths)
        {
            var svg = $"<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 24 24'>{paths.Replace('"', '\'')}</svg>";
            var url = $"url(\"data:image/svg+xml,{svg.Replace("%", "%25").Replace("#", "%23").Replace("<", "%3C").Replace(">", "%3E")}\")";
            return $"{selector}::before{{-webkit-mask-image:{url};mask-image:{url}}}\n";
        }

        // Unknown (the default colour) recedes: outlined, so the recorded stances stand out.
        static string Rule(string selector, Color color) => color == Color.Default
            ? $"{selector}{{color:var(--mud-palette-text-primary);border-color:var(--mud-palette-lines-inputs)}}\n"
            : $"{selector}{{color:var(--mud-palette-{Name(color)}-text);background-color:var(--mud-palette-{Name(color)})}}\n";

        static string Name(Color color) => color.ToString().ToLowerInvariant();
    }

    /// <summary>Unknown recedes (outlined) so the recorded stances stand out.</summary>
    public static Variant VariantOf(Stance stance) => stance == Stance.Unknown ? Variant.Outlined : Variant.Filled;

    public static Color ColorOf(ConsensusStatus status) => status switch
    {
        ConsensusStatus.Blocked => Color.Error,
        ConsensusStatus.Consensus => Color.Success,
        _ => Color.Warning,
    };

    public static string IconOf(ConsensusStatus status) => status switch
    {
        ConsensusStatus.Blocked => Icons.Material.Filled.Block,
        ConsensusStatus.Consensus => Icons.Material.Filled.Verified,
        _ => Icons.Material.Filled.HourglassEmpty,
    };

    public static string LabelOf(ConsensusStatus status) => status switch
    {
        ConsensusStatus.Blocked => "Blocked",
        ConsensusStatus.Consensus => "Consensus",
        _ => "Open",
    };

    /// <summary>The outcomes a decision can record, each with its chip.</summary>
    public static IReadOnlyList<ProposalOutcome> Decisions { get; } = Enum.GetValues<ProposalOutcome>().Where(o => o != ProposalOutcome.Pending).ToList();

    public static Color ColorOf(ProposalOutcome outcome) => outcome switch
    {
        ProposalOutcome.Adopted or ProposalOutcome.AdoptedAmended => Color.Success,
        ProposalOutcome.Dropped => Color.Dark,
        ProposalOutcome.Deferred => Color.Info,
        // Its own colour: Secondary is the opt-out stance's, and a replaced proposal is not an opt-out.
        ProposalOutcome.Replaced => Color.Tertiary,
        _ => Color.Default,
    };

    public static string IconOf(ProposalOutcome outcome) => outcome switch
    {
        ProposalOutcome.Adopted => Icons.Material.Filled.Gavel,
        ProposalOutcome.AdoptedAmended => Icons.Material.Filled.EditNote,
        ProposalOutcome.Dropped => Icons.Material.Filled.DoNotDisturbOn,
        ProposalOutcome.Deferred => Icons.Material.Filled.Schedule,
        ProposalOutcome.Replaced => Icons.Material.Filled.SwapHoriz,
        _ => Icons.Material.Filled.HourglassEmpty,
    };
}
