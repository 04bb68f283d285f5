using System.Text.RegularExpressions;

namespace AllianceTracker.Web.Domain;

/// <summary>
/// The shapes of the codes and keys the public formats use, checked the same everywhere. Anchored
/// with \z, not $: $ also matches before a final newline, and "ukraine-fund\n" is not a slug.
/// </summary>
public static partial class CodePatterns
{
    public static bool IsAlpha3(string? code) => code is not null && Alpha3().IsMatch(code);

    public static bool IsAlpha2(string? code) => code is not null && Alpha2().IsMatch(code);

    public static bool IsNumeric(string? code) => code is not null && Numeric().IsMatch(code);

    /// <summary>Lower-case words joined by hyphens: summit and proposal slugs, source keys.</summary>
    public static bool IsSlug(string? slug) => slug is not null && slug.Length <= TextPolicy.Code.MaxLength && Slug().IsMatch(slug);

    /// <summary>Null for a slug; otherwise a message showing what one looks like (<paramref name="example"/>).</summary>
    public static string? CheckSlug(string? slug, string example) =>
        IsSlug(slug) ? null : $"'{slug}' is not a slug: use lower-case words joined by hyphens, e.g. {example}.";

    /// <summary>A slug made from a title ("€40bn pledge for Ukraine" → "40bn-pledge-for-ukraine"), for an editor to accept or change.</summary>
    public static string SuggestSlug(string? title)
    {
        var plain = new System.Text.StringBuilder();
        foreach (var c in (title ?? "").Normalize(System.Text.NormalizationForm.FormD))
        {
            if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                plain.Append(char.ToLowerInvariant(c));
            }
        }

        var slug = NotSlug().Replace(plain.ToString(), "-").Trim('-');
        return slug.Length <= 60 ? slug : slug[..60].TrimEnd('-');
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotSlug();

    [GeneratedRegex("^[A-Z]{3}\\z")]
    private static partial Regex Alpha3();

    [GeneratedRegex("^[A-Z]{2}\\z")]
    private static partial Regex Alpha2();

    [GeneratedRegex("^[0-9]{3}\\z")]
    private static partial Regex Numeric();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*\\z")]
    private static partial Regex Slug();
}
