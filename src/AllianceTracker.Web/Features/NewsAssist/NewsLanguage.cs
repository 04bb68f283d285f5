using System.Text.RegularExpressions;

namespace AllianceTracker.Web.Features.NewsAssist;

/// <summary>
/// Whether a text is English, which is all the reading understands: by its most common short
/// words, which every language has many of and shares few of. A German or French text is named
/// and declined rather than read into confident wrong suggestions ("veto" in a French hypothetical).
/// </summary>
public static partial class NewsLanguage
{
    private static readonly (string Name, HashSet<string> Words)[] Languages =
    [
        ("English", ["the", "and", "of", "to", "is", "that", "in", "for", "on", "with", "said", "it", "was", "would", "will", "has", "not", "at", "by", "its"]),
        ("German", ["der", "die", "und", "das", "nicht", "ist", "mit", "den", "dem", "sich", "auch", "ein", "eine", "zu", "von", "für", "auf", "wird", "hat", "sagte"]),
        ("French", ["le", "la", "les", "et", "des", "est", "une", "que", "pour", "dans", "pas", "du", "qui", "sur", "au", "aux", "il", "elle", "a", "ne"]),
        ("Spanish", ["el", "la", "los", "las", "y", "que", "del", "es", "una", "para", "por", "con", "no", "se", "su", "al", "lo", "como", "más", "dijo"]),
        ("Italian", ["il", "la", "che", "di", "e", "del", "della", "per", "non", "è", "un", "una", "con", "sono", "alla", "gli", "le", "ha", "si", "anche"]),
        ("Polish", ["i", "w", "z", "na", "nie", "się", "że", "do", "to", "jest", "o", "jak", "po", "ale", "od", "za", "przez", "oraz", "był", "by"]),
        ("Dutch", ["de", "het", "een", "en", "van", "dat", "niet", "is", "op", "te", "met", "voor", "zijn", "ook", "aan", "er", "bij", "naar", "om", "heeft"]),
        ("Portuguese", ["o", "a", "os", "as", "e", "que", "do", "da", "dos", "não", "para", "com", "uma", "um", "em", "por", "se", "mais", "ao", "disse"]),
        ("Turkish", ["ve", "bir", "bu", "için", "ile", "da", "de", "olarak", "olan", "daha", "çok", "gibi", "ama", "ne", "dedi", "kadar", "sonra", "en", "mi", "şu"]),
    ];

    /// <summary>The language's name when the text is clearly not English; null for English (or too short to tell).</summary>
    public static string? NotEnglish(string text)
    {
        var counts = new int[Languages.Length];
        var words = 0;
        foreach (Match word in Word().Matches(text.Length > 4000 ? text[..4000] : text))
        {
            words++;
            var lower = word.Value.ToLowerInvariant();
            for (var i = 0; i < Languages.Length; i++)
            {
                if (Languages[i].Words.Contains(lower))
                {
                    counts[i]++;
                }
            }
        }

        var best = Array.IndexOf(counts, counts.Max());
        // English unless another language's common words clearly outnumber English's, in a text long enough to judge.
        return words >= 12 && best != 0 && counts[best] >= Math.Max(4, 2 * counts[0]) ? Languages[best].Name : null;
    }

    [GeneratedRegex(@"\p{L}+", RegexOptions.None, 1000)]
    private static partial Regex Word();
}
