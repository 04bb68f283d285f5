using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace AllianceTracker.Web.Features.NewsAssist;

/// <summary>
/// The pasted text as the reading takes it (docs/news-assist.md): markup turned into paragraphs
/// with its entities decoded, spaces tidied within lines; and a folded copy of the same length for
/// matching (no-break and thin spaces as spaces, curly quotes and apostrophes as straight ones), so
/// that an excerpt is cut from the text as written, whatever its typography. Every pattern here is
/// linear in the text or has a timeout.
/// </summary>
public static partial class NewsText
{
    /// <summary>The text the reading and the excerpt check use: markup as paragraphs, entities decoded.</summary>
    public static string Prepare(string text)
    {
        if (Markup().IsMatch(text))
        {
            // What a page runs or styles is not its text.
            text = ScriptOrStyle().Replace(text, " ");
            text = BlockTag().Replace(text, "\n\n");
            text = AnyTag().Replace(text, "");
            text = WebUtility.HtmlDecode(text);
        }

        var paragraphs = new StringBuilder(text.Length);
        foreach (var line in text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n'))
        {
            var tidy = Spaces().Replace(line, " ").Trim();
            if (tidy.Length > 0)
            {
                paragraphs.Append(paragraphs.Length > 0 ? "\n" : "").Append(tidy);
            }
        }

        return paragraphs.ToString();
    }

    /// <summary>The same text, character for character, with typography folded for matching.</summary>
    public static string Fold(string text) => string.Create(text.Length, text, static (folded, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            folded[i] = Fold(source[i]);
        }
    });

    private static char Fold(char c) => c switch
    {
        '\u00A0' or '\u2002' or '\u2003' or '\u2007' or '\u2009' or '\u200A' or '\u202F' => ' ',
        '\u2018' or '\u2019' or '\u201B' or '\u2032' or '\u00B4' => '\'',
        '\u201C' or '\u201D' or '\u201E' or '\u2033' => '"',
        '\u2010' or '\u2011' => '-',
        _ => c,
    };

    /// <summary>How many words: what the 40-word limit on an excerpt counts.</summary>
    public static int WordCount(string text) => Words().Count(text);

    // A tag a pasted page holds; text with none of these is read as it is ("<" in prose stays).
    [GeneratedRegex(@"</?(?:p|br|div|li|ul|ol|h[1-6]|span|a|strong|em|b|i|blockquote|tr|td|article|section|header|footer|figure|figcaption|script|style)\b[^<>]{0,500}>", RegexOptions.IgnoreCase, 1000)]
    private static partial Regex Markup();

    [GeneratedRegex(@"<(script|style)\b[^<>]{0,500}>.*?</\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline, 1000)]
    private static partial Regex ScriptOrStyle();

    [GeneratedRegex(@"<(?:br\s*/?|/?(?:p|div|li|ul|ol|h[1-6]|blockquote|tr|article|section|header|footer|figure|figcaption)\b[^<>]{0,500})>", RegexOptions.IgnoreCase, 1000)]
    private static partial Regex BlockTag();

    [GeneratedRegex(@"<[^<>]{0,500}>", RegexOptions.None, 1000)]
    private static partial Regex AnyTag();

    // Runs of plain spaces and tabs; a no-break space stays as written (Fold reads it as a space).
    [GeneratedRegex(@"[ \t]+", RegexOptions.None, 1000)]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\S+", RegexOptions.None, 1000)]
    private static partial Regex Words();
}
