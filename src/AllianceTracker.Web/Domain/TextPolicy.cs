using System.Text;

namespace AllianceTracker.Web.Domain;

/// <summary>
/// The one text policy for every write path (editors, imports, seeds, decisions, sources,
/// proposals, summits, snapshots, accounts), applied twice: by the rules, which name the field the
/// way the API and forms do, and by the database context on every save, whatever wrote it. Text is
/// stored trimmed, in Unicode NFC, with line breaks as \n; no other control character is stored
/// (one would break the Atom feed's XML forever, since the history is append-only). The history
/// keeps everything, so the limits are what one entry may add to every page that shows it.
/// docs/security.md lists the limits.
/// </summary>
public static class TextPolicy
{
    /// <summary>The model annotation naming a property's <see cref="TextField"/>.</summary>
    public const string Annotation = "AllianceTracker:TextField";

    /// <summary>Codes, slugs and keys (their own patterns apply too).</summary>
    public static readonly TextField Code = new("code", 100, MultiLine: false);

    /// <summary>Titles, names, outlets, proposers, cities.</summary>
    public static readonly TextField Title = new("title", 300, MultiLine: false);

    /// <summary>Logins recorded as authors (Identity's own limit).</summary>
    public static readonly TextField Login = new("login", 256, MultiLine: false);

    public static readonly TextField Url = new("url", 2048, MultiLine: false);

    /// <summary>Reasons, conditions, notes and excerpts.</summary>
    public static readonly TextField Note = new("note", 1000, MultiLine: true);

    /// <summary>A proposal's description: a paragraph or two of what is proposed.</summary>
    public static readonly TextField Description = new("description", 4000, MultiLine: true);

    public static readonly IReadOnlyList<TextField> All = [Code, Title, Login, Url, Note, Description];

    /// <summary>Trimmed, NFC, line breaks as \n; null stays null. Does not remove anything else: <see cref="Check"/> refuses it.</summary>
    public static string? Clean(string? text)
    {
        if (text is null)
        {
            return null;
        }

        // Unicode's own line and paragraph separators are line breaks too (and would break a
        // one-line field, a script or a feed reader that does not know them).
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Replace('\u2028', '\n').Replace('\u2029', '\n').Trim();
        try
        {
            return lines.IsNormalized(NormalizationForm.FormC) ? lines : lines.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            // Half of a surrogate pair cannot be normalised; Check refuses it, naming where it is.
            return lines;
        }
    }

    /// <summary>Null when <paramref name="text"/>, once cleaned, fits <paramref name="field"/>; otherwise why not.</summary>
    public static string? Check(string? text, TextField field)
    {
        var clean = Clean(text);
        if (clean is null)
        {
            return null;
        }

        if (clean.Length > field.MaxLength)
        {
            return $"It has {clean.Length:N0} characters; keep it to {field.MaxLength:N0}.";
        }

        for (var i = 0; i < clean.Length; i++)
        {
            var c = clean[i];
            if (c == '\n')
            {
                if (!field.MultiLine)
                {
                    return "Write it on one line.";
                }

                continue;
            }

            // Control characters, XML's non-characters, and the invisible direction overrides that
            // make text read differently from what it says.
            if (char.IsControl(c) || c is '\uFFFE' or '\uFFFF' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069'))
            {
                return $"It contains a control character (U+{(int)c:X4}) at position {i + 1}; remove it.";
            }

            if (InvisibleName(clean, i) is { } invisible)
            {
                return $"It contains an invisible character (U+{char.ConvertToUtf32(clean, i):X4}, {invisible}) at position {i + 1}; remove it.";
            }

            if (char.IsSurrogate(c) && !(char.IsHighSurrogate(c) && i + 1 < clean.Length && char.IsLowSurrogate(clean[i + 1])) && !(char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(clean[i - 1])))
            {
                return $"It contains a broken character (U+{(int)c:X4}) at position {i + 1}.";
            }
        }

        return null;
    }

    /// <summary>
    /// Characters that show nothing yet change what text is: two titles that look the same are not,
    /// a search misses, a quote is not verbatim. Refused: zero width space, word joiner, byte order
    /// mark, the direction marks (LRM, RLM, ALM) and the tag characters. Kept: the zero width
    /// non-joiner, which Persian and Indic scripts need, and the zero width joiner inside an emoji
    /// sequence (between two emoji, e.g. a family), where it is what the writer typed.
    /// </summary>
    private static string? InvisibleName(string text, int i) => text[i] switch
    {
        '\u200B' => "zero width space",
        '\u2060' => "word joiner",
        '\uFEFF' => "byte order mark",
        '\u200E' => "left-to-right mark",
        '\u200F' => "right-to-left mark",
        '\u061C' => "Arabic letter mark",
        '\u200D' when !(i > 0 && i + 1 < text.Length && (char.IsLowSurrogate(text[i - 1]) || text[i - 1] == '\uFE0F') && char.IsHighSurrogate(text[i + 1])) => "zero width joiner outside an emoji",
        '\uDB40' when i + 1 < text.Length && text[i + 1] is >= '\uDC00' and <= '\uDC7F' => "tag character",
        _ => null,
    };

    /// <summary>The problems of several fields at once, each under its own name.</summary>
    public static IEnumerable<FieldProblem> Problems(params (string Field, string? Text, TextField Kind)[] fields)
    {
        foreach (var (name, text, kind) in fields)
        {
            if (Check(text, kind) is { } problem)
            {
                yield return new FieldProblem(name, problem);
            }
        }
    }
}
