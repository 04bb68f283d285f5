using AllianceTracker.Web.Domain;

namespace AllianceTracker.Web.Features.Stances;

/// <summary>
/// A source reporting a stance a month before or after it was taken is usually right (a later
/// article recalls it), but often the sign of a slipped date: the stance form asks the editor to
/// check, and does not stop them.
/// </summary>
public static class SourceDateCheck
{
    /// <summary>How far the effective date may be from every source's date before the editor is asked to check it.</summary>
    public const int DaysFromSourceBeforeWarning = 30;

    /// <summary>What to tell the editor, or null: no date yet, no dated source, or one close enough.</summary>
    public static string? Warning(string? effectiveOn, IEnumerable<DateOnly> sourceDates)
    {
        if (!IsoDate.TryParse(effectiveOn, out var effective))
        {
            return null;
        }

        var dated = sourceDates.ToList();
        if (dated.Count == 0 || dated.Any(d => Math.Abs(d.DayNumber - effective.DayNumber) <= DaysFromSourceBeforeWarning))
        {
            return null;
        }

        var nearest = dated.MinBy(d => Math.Abs(d.DayNumber - effective.DayNumber));
        var days = Math.Abs(nearest.DayNumber - effective.DayNumber);
        return $"The effective date is {days} days {(effective < nearest ? "before" : "after")} the source's date ({nearest:d MMM yyyy}). "
            + "Check it is the day the member took this stance; you can still save.";
    }
}
