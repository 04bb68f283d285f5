using System.Globalization;

namespace AllianceTracker.Web.Domain;

/// <summary>
/// Dates as the public formats, URLs and forms write them: YYYY-MM-DD, nothing looser (no
/// culture-dependent "07/08/2024"), so every reader and writer agrees on what a date is.
/// </summary>
public static class IsoDate
{
    public const string Pattern = "yyyy-MM-dd";

    public static bool TryParse(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, Pattern, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>For values already validated (stored documents); throws on anything else.</summary>
    public static DateOnly Parse(string text) => DateOnly.ParseExact(text, Pattern, CultureInfo.InvariantCulture);

    public static DateOnly? ParseOrNull(string? text) => text is null ? null : Parse(text);

    /// <summary>Why <paramref name="text"/> is not a date, in the words every form, API and file check uses.</summary>
    public static string NotADate(string? text) => $"'{text}' is not a date: use YYYY-MM-DD, e.g. 2024-07-09.";

    /// <summary>Why a picture cannot be asked for on <paramref name="date"/>: the tracker records what has happened.</summary>
    public static string InTheFuture(DateOnly date, DateOnly today) =>
        $"{date.ToIso()} is in the future: the picture can be read up to today, {today.ToIso()}.";

    /// <summary>
    /// The signing of the Washington Treaty: there is no alliance, and so no picture, before it. A
    /// date typed one digit at a time passes through years like 0002 and 0024 on its way to 2024.
    /// </summary>
    public static readonly DateOnly AllianceFounded = new(1949, 4, 4);

    /// <summary>
    /// Why a picture cannot be shown on <paramref name="date"/>, or null when it can: between the
    /// signing of the Washington Treaty and <paramref name="today"/>, both included.
    /// </summary>
    public static string? PictureDateProblem(DateOnly date, DateOnly today) =>
        date > today ? InTheFuture(date, today)
        : date < AllianceFounded ? $"{date.ToIso()} is before the Washington Treaty was signed ({AllianceFounded.ToIso()}): there is no picture before it."
        : null;

    public static string ToIso(this DateOnly date) => date.ToString(Pattern, CultureInfo.InvariantCulture);
}
