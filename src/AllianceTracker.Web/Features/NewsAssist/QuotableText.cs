using System.Text.RegularExpressions;

namespace AllianceTracker.Web.Features.NewsAssist;

/// <summary>
/// A text an excerpt must quote: as pasted, or as read (pasted markup becomes paragraphs and its
/// entities characters), line breaks and repeated spaces aside. Both forms are made once, so a
/// review of many suggestions checks each against them without preparing the text again.
/// </summary>
public sealed partial class QuotableText(string text)
{
    private readonly string _pasted = Spaces().Replace(text, " ");
    private readonly string _read = Spaces().Replace(NewsText.Prepare(text), " ");

    public bool Quotes(string excerpt)
    {
        var quoted = Spaces().Replace(excerpt.Trim(), " ");
        return _pasted.Contains(quoted, StringComparison.Ordinal) || _read.Contains(quoted, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
