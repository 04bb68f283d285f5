using System.Text.RegularExpressions;

namespace AllianceTracker.Web.Features.NewsAssist;

// Sentences, clauses and the patterns that cut and guard them.
public static partial class NewsReader
{
    /// <summary>Sentences, with abbreviations (U.S., Mr., e.g.) kept inside their sentence.</summary>
    public static IReadOnlyList<string> Sentences(string text)
    {
        var sentences = new List<string>();
        foreach (var paragraph in NewsText.Prepare(text).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var start = 0;
            foreach (Match end in SentenceEnd().Matches(paragraph))
            {
                var candidate = paragraph[start..(end.Index + 1)];
                if (Abbreviation().IsMatch(candidate))
                {
                    continue;
                }

                sentences.AddRange(Bounded(candidate.Trim()));
                start = end.Index + end.Length;
            }

            if (paragraph[start..].Trim() is { Length: > 0 } rest)
            {
                sentences.AddRange(Bounded(rest));
            }
        }

        return sentences;
    }

    /// <summary>
    /// No "sentence" longer than <see cref="MaxSentenceChars"/>: a pasted page without full stops
    /// is cut at its last comma, semicolon or space before the bound, so every pattern runs on a
    /// bounded piece and reading stays linear in the text's length.
    /// </summary>
    private static IEnumerable<string> Bounded(string sentence)
    {
        while (sentence.Length > MaxSentenceChars)
        {
            var cut = sentence.LastIndexOfAny([';', ','], MaxSentenceChars - 1, MaxSentenceChars / 2);
            if (cut < 0)
            {
                cut = sentence.LastIndexOf(' ', MaxSentenceChars - 1);
            }

            if (cut <= 0)
            {
                cut = MaxSentenceChars - 1;
            }

            yield return sentence[..(cut + 1)].Trim();
            sentence = sentence[(cut + 1)..].TrimStart();
        }

        if (sentence.Length > 0)
        {
            yield return sentence;
        }
    }

    private const int MaxSentenceChars = 600;

    /// <summary>Clauses that can each hold their own stance: "Germany backs it, but Hungary objects".</summary>
    private static IEnumerable<string> Clauses(string sentence) => ClauseBreak().Split(sentence).Where(c => c.Trim().Length > 0);

    // Not RegexOptions.Compiled: a compiled pattern's first match is JIT-compiled inside the match,
    // and on a busy machine that alone outran the 250 ms timeout, leaving a clause unread.
    private static Regex Rx(string pattern) => new(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, MatchTimeout);

    [GeneratedRegex(@"[.!?][""”’)]?\s+(?=[""“‘(]?[A-Z0-9])")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"(?:\b(?:U\.S|U\.K|Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Lt|Col|No|vs|e\.g|i\.e|etc|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)|\b[A-Z])\.[""”’)]?\s*$")]
    private static partial Regex Abbreviation();

    // "…will not take part but will not block it" stays one clause: together they are stepping aside.
    [GeneratedRegex(@",?\s+\bbut\b(?!\s+(?:it\s+|we\s+|they\s+|has\s+|had\s+)?(?:will|would|does|do|did|has|had)\s*(?:not|n't|promised\s+not\s+to|no\s+intention\s+of)\s+(?:block|blocking|object|veto|stand|prevent|take\s+part|participate|join|contribute)|\s+(?:it\s+|we\s+|they\s+)?won't\s+(?:block|object|prevent|take\s+part|participate|join|contribute)|\s+raised\s+no\s+objection|\s+(?:it\s+|they\s+|we\s+)?(?:want|wants|insist|insists|demand|demands|ask|asks|must)\b)\s+|;\s+|,?\s+\bwhile\b\s+|,?\s+\bwhereas\b\s+|,?\s+\bhowever\b,?\s+", RegexOptions.None, 250)]
    private static partial Regex ClauseBreak();

    // "…is backed by the Nordic countries and the Netherlands": the member among the cue's agents.
    [GeneratedRegex(@"^\s+(?:\w+ly\s+|most\s+|more\s+|outright\s+){0,2}by\s+(?:(?!by\b)[\w'’.]+(?:\s+|,\s*)){0,8}$", RegexOptions.IgnoreCase, 250)]
    private static partial Regex AgentAfter();

    /// <summary>"…, rejected by Hungary": a passive cue whose agent follows it is about that agent, not an earlier member.</summary>
    private static bool PassiveByOther(string clause, Match cue) => PassiveAgent().IsMatch(clause[(cue.Index + cue.Length)..]);

    [GeneratedRegex(@"^\s+(?:\w+ly\s+|most\s+|more\s+|outright\s+){0,2}by\b", RegexOptions.IgnoreCase, 250)]
    private static partial Regex PassiveAgent();

    [GeneratedRegex(@"^[\w\s]{0,60}?\b(?:met|meet|meets|meeting|held|hold|holds|gathered|gather|hosted|convened)\b", RegexOptions.IgnoreCase, 250)]
    private static partial Regex GroupAsPlace();

    [GeneratedRegex(@"\b(?:will\s+not|won't|would\s+not|wouldn't|is\s+not|are\s+not)\s+(?:take\s+part|taking\s+part|participate|contribute)\b", RegexOptions.IgnoreCase, 250)]
    private static partial Regex NotTakingPart();

    [GeneratedRegex(@"(?:\bnot|n't)\s+(?:block|veto|oppose|object|prevent|stand)", RegexOptions.IgnoreCase, 250)]
    private static partial Regex NotBlocking();

    [GeneratedRegex(@"\binstead\b|\bin\s+its\s+place\b|\breplaced\s+(?:at\s+the\s+summit\s+)?by\b", RegexOptions.IgnoreCase, 250)]
    private static partial Regex Instead();

    // "We back it", "my country will…", a clause that opens with "He" or "She": the ally whose speaker was just named.
    [GeneratedRegex(@"^\W*(?:He|She)\b|(?<![\w'])(?:[Ww]e|[Oo]ur\s+(?:country|government)|[Mm]y\s+(?:country|government)|[Hh]is\s+(?:country|government)|[Hh]er\s+(?:country|government))(?![\w'])", RegexOptions.None, 250)]
    private static partial Regex FirstPerson();

    [GeneratedRegex(@"\bwhere\s+(?:the\s+)?$", RegexOptions.IgnoreCase, 250)]
    private static partial Regex WhereBefore();

    [GeneratedRegex(@"\b(?:could|might|may|likely\s+to|expected\s+to|set\s+to|would\s+(?:likely|probably)|not\s+rule\s+out|whether|if|hint(?:s|ed)?\s+at|(?:do\s+not|don't|does\s+not|doesn't)\s+(?:think|believe|expect)\b[^.;]{0,30})\s+(?:\w+\s+){0,2}$|\b(?:has|have|had|is|are|was|were|did|does|do)\s+(?:not|never)\s+(?:\w+\s+){0,3}$", RegexOptions.IgnoreCase, 250)]
    private static partial Regex Hypothetical();
}
