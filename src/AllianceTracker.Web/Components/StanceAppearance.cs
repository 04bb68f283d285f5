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
}
