using AllianceTracker.Web.Domain;

namespace AllianceTracker.Web.Components;

/// <summary>
/// A short word on every tile beside its colour, so the map reads without colour (WCAG 1.4.1)
/// and in a greyscale print: the legend pairs each with its stance. Unknown has none: its tile
/// is the muted grey with the code alone.
/// </summary>
public static class StanceMarks
{
    public static string Of(Stance stance) => stance switch
    {
        Stance.Supports => "yes",
        Stance.Conditional => "if",
        Stance.Undecided => "?",
        Stance.OptsOut => "out",
        Stance.Opposes => "no",
        _ => "",
    };

    /// <summary>The stacked bar's order: the stances that clear first, opposition next, unknown last and muted.</summary>
    public static IReadOnlyList<Stance> BarOrder { get; } =
        [Stance.Supports, Stance.Conditional, Stance.OptsOut, Stance.Undecided, Stance.Opposes, Stance.Unknown];
}
