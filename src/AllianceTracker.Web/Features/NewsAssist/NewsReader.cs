using System.Text.RegularExpressions;
using AllianceTracker.Web.Domain;

namespace AllianceTracker.Web.Features.NewsAssist;

/// <summary>
/// Reads a news text for stances (docs/news-assist.md): sentences; members by name, demonym,
/// capital-as-government and groups; proposals by title and alias, carried to the next sentences
/// that speak of "the plan"; stance cues with negation and scope, each clause of a sentence on its
/// own. Suggests, never decides: an editor reviews every suggestion before anything is saved.
/// </summary>
public static partial class NewsReader
{
    // Every pattern runs on a bounded sentence (MaxSentenceChars); the timeout is a backstop, never
    // the plan. A property, not a field: the patterns built from it live in several files, whose
    // static fields have no set order.
    private static TimeSpan MatchTimeout => TimeSpan.FromMilliseconds(250);

    private sealed record Cue(Stance Stance, Regex Pattern, double Weight, bool TakesConditions = false);

    // First match wins, in this order: stepping aside before not blocking, not blocking before
    // blocking, conditions before backing, an open mind before either side.
    private static readonly Cue[] Cues =
    [
        new(Stance.OptsOut, Rx(@"\b(?:will\s+not|won't|would\s+not|wouldn't|does\s+not|doesn't|did\s+not|didn't|do\s+not|don't|is\s+not|are\s+not|has\s+promised\s+not\s+to|promised\s+not\s+to|had\s+no\s+intention\s+of|has\s+no\s+intention\s+of)\s+(?:take\s+part|taking\s+part|participate|join|contribute)\b.*\b(?:(?:will\s+not|won't|would\s+not|wouldn't|does\s+not|doesn't|did\s+not|didn't|do\s+not|don't|is\s+not|are\s+not|has\s+promised\s+not\s+to|promised\s+not\s+to|had\s+no\s+intention\s+of|has\s+no\s+intention\s+of)\s+(?:block|blocking|object|veto|oppose|prevent|stand\s+in\s+the\s+way)|raised\s+no\s+objection|no\s+objection)\b|\b(?:will\s+not|won't|would\s+not|wouldn't|does\s+not|doesn't|did\s+not|didn't|do\s+not|don't|is\s+not|are\s+not|has\s+promised\s+not\s+to|promised\s+not\s+to|had\s+no\s+intention\s+of|has\s+no\s+intention\s+of)\s+(?:block|blocking|object|veto|oppose|prevent|stand\s+in\s+the\s+way)\b.*\b(?:will\s+not|won't|would\s+not|wouldn't|does\s+not|doesn't|did\s+not|didn't|do\s+not|don't|is\s+not|are\s+not|has\s+promised\s+not\s+to|promised\s+not\s+to|had\s+no\s+intention\s+of|has\s+no\s+intention\s+of)\s+(?:take\s+part|taking\s+part|participate|join|contribute)\b|\bopt(?:s|ed)?[\s-]+outs?\b|\b(?:is|are)\s+not\s+taking\s+part\b|\b(?:stay|stays|sit|sits)\s+out\b|\bconstructive\s+abstention\b|\bstep(?:s|ped)?\s+aside\b|\b(?:will|would|to)\s+take\s+no\s+part\b|\b(?:negotiated|secured|won|obtained)\s+(?:an?\s+)?(?:exemption|opt-out)\b|\bno\s+plans\s+to\s+(?:second|send|contribute|take\s+part)\b"), 0.85),
        new(Stance.Supports, Rx(@"\b(?:will|would|does|do|did)\s+not\s+(?:block|veto|oppose|object|prevent|stand\s+in\s+the\s+way\s+of)\b|\bwon't\s+(?:block|veto|oppose)\b|\bno\s+longer\s+(?:opposes|objects|blocks)\b|\bdropped\s+(?:its|their|her|his)\s+(?:objection|opposition|veto)\b|\blifted\s+(?:its|their)\s+(?:veto|objection)\b"), 0.55),
        new(Stance.Undecided, Rx(@"\b(?:still|yet\s+to)\s+(?:studying|study|weighing|weigh|considering|consider|reviewing|review|decide)\b|\b(?:has|have)\s+(?:not|yet\s+to)\s+(?:yet\s+)?decided?\b|\bhasn't\s+decided\b|\bundecided\b|\bnot\s+yet\s+(?:decided|taken\s+a\s+position)\b|\b(?:not|yet\s+to)\s+(?:yet\s+)?(?:made\s+up|make\s+up)\s+(?:its|their|his|her)\s+mind\b|\bnot\s+(?:yet\s+)?settled\s+(?:its|their|his|her)\s+position\b|\bneeds?\s+careful\s+study\b|\bposition\b[^.;]{0,30}\bmixed\b|\bnon-?committal\b|\bmixed\s+signals\b|\bunpredictable\b|\bon\s+the\s+fence\b|\bopen\s+to\s+(?:the\s+idea|discussion|discussing)\b"), 0.7),
        new(Stance.Conditional, Rx(@"\bonly\s+if\b|\bprovided\s+(?:that\b)?|\bon\s+(?:the\s+)?condition\s+that\b|\bas\s+long\s+as\b|\bsubject\s+to\b|(?<!\b(?:without|no)\s(?:any\s)?)\breservations\b|\bconcerns?\b|\bconditions?\b|\bwary\s+of\b|\bcaveats?\b|\bdemands?\s+(?:guarantees|assurances|that)\b|\bwants?\s+(?:guarantees|assurances)\b|\bseeks?\s+(?:guarantees|assurances)\b|\binsists?\s+(?:on|that)\b|\bin\s+exchange\s+for\b|\bbut\s+(?:want|wants|insist|insists|demand|demands|ask|asks)\b|\bmust\s+be\s+a\s+floor\b|\bonly\s+(?:back|support|accept|agree\s+to)\b[^.;]{0,80}?\bif\b|\b(?:support|back|accept)\s+(?:it|this|that)\s+if\b"), 0.75, TakesConditions: true),
        new(Stance.Opposes, Rx(@"\b(?:oppose[sd]?|opposing|opponents?|opposition\s+to)\b|\breject(?:s|ed|ing)?\b|(?<!\b(?:a|the|its|their|any)\s)\bveto(?:es|ed)?\b|\bwill\s+block\b|\bblock(?:s|ed|ing)\b|\bthreaten(?:s|ed)?\s+to\s+block\b|\b(?:is|are|was|were|remain|remains|remained|stand|stands|stood|came\s+out|come\s+out|firmly)\s+(?:firmly\s+|still\s+|strongly\s+)?against\b|\bobject(?:s|ed|ing)?\s+to\b|\brefuse[sd]?\b|\b(?:will|would|does|do|did|can)\s*not\s+(?:support|back|accept|agree)\b|\bcannot\s+(?:support|back|accept|agree)\b|\bwon't\s+(?:support|back|accept|agree)\b|\brule[sd]?\s+out\b|\bdismiss(?:es|ed)\b|\bsaid\s+no\s+to\b|\bis\s+not\s+the\s+(?:summit|time|moment)\s+for\b|\bnot\s+believe\s+(?:this|now)\s+is\s+the\s+(?:summit|time|moment)\s+for\b|\b(?:time|moment)\b[^.;]{0,30}\b(?:has|had)\s+not\s+(?:yet\s+)?come\b|\bresist(?:s|ed|ing)?\b|\bnot\s+something\s+(?:we|it|they)\s+(?:support|back|accept)\b|\btoo\s+early\b|\bpremature\b|\bwill\s+not\s+accept\b|\b(?:would|will)\s+never\s+(?:agree|accept|support|back)\b|\b(?:would|will)\s+not\s+hear\s+of\b|\bbalk(?:s|ed)?\s+at\b"), 0.85),
        new(Stance.Supports, Rx(@"\bsupport(?:s|ed|ing|ers?)?\b(?!\s+(?:for|to)\s+(?:Ukraine|Kyiv|Kiev)\b)|\bback(?:s|ed|ing)\b|\bendorse[sd]?\b|\bwelcome[sd]?\b|\bfavou?r(?:s|ed)?\b|\bin\s+favou?r\b|\bwithout\s+(?:any\s+)?reservations?\b|\bchampion(?:s|ed)?\b|\bpush(?:es|ed|ing)?\s+(?:\w+\s+)?for\b|\bpress(?:es|ed|ing)?\s+for\b|\bargu(?:e|es|ed|ing)\s+for\b|\bfought\s+for\b|\bfell\s+in\s+line\b|\bsign(?:s|ed)?\s+up\s+to\b|\b(?:would|will)\s+(?:more\s+than\s+)?meet\s+its\s+share\b|\b(?:would|will)\s+exceed\b|\b(?:will|would)\s+join\s+the\b|\bwant(?:s|ed)?\s+Ukraine\s+to\s+(?:be\s+invited|join)\b|\ball\s+in\b|\bcall(?:s|ed)?\s+for\b|(?<!\b(?:came|come|comes|went|go|bring|brought|get|got|scaled|scale|fall|fell|step|stepped|hold|held|looking|look|pulled|pull|roll|rolled|cut|cutting|way)\s)\bback\b(?!\s+(?:in|to|from|then|when|home|down|up|off|out|on|away|into|at|of)\b)|\bagree[sd]?\s+(?:to|with)\b|\bpledge[sd]?\b|\bcommit(?:s|ted)?\s+to\b|\bproponents?\b|\badvocat(?:e|es|ed|ing)\b|\bthe\s+only\s+guarantee\b|\blined\s+up\s+behind\b|\bthrew\s+(?:its|their|his|her)\s+weight\s+behind\b|\b(?:will|would)\s+do\s+(?:its|their|our|his|her)\s+share\b|\bcarry\s+(?:more\s+than\s+)?(?:its|their|our)\s+(?:fair\s+)?share\b|\b(?:will|would)\s+send\s+(?:staff|officers|personnel|people)\b|\bsigned\s+on\s+to\b|\bon\s+board\s+with\b"), 0.8),
    ];

    /// <summary>The suggestions in a text; its date, when known, says who spoke for each ally then (<see cref="NewsSpeakers"/>; anyone who ever did when null).</summary>
    public static NewsReading Read(string text, IReadOnlyList<ProposalNames> proposals, DateOnly? publishedOn = null)
    {
        var speakers = NewsSpeakers.PatternsOn(publishedOn, MatchTimeout);
        var prepared = NewsText.Prepare(text);
        var sentences = Sentences(prepared);
        if (NewsLanguage.NotEnglish(prepared) is { } language)
        {
            return new NewsReading(sentences, [], []) { Language = language };
        }

        var membersRead = new SortedSet<string>(StringComparer.Ordinal);
        var proposalsRead = new SortedSet<string>(StringComparer.Ordinal);
        var cuesRead = 0;
        var proposalPatterns = proposals.Select(p => (p.Slug, Pattern: ProposalPattern(p))).ToList();
        var found = new Dictionary<(string Member, string Proposal), StanceReading>();
        var outcomes = new Dictionary<string, OutcomeReading>();
        // Allies named in a clause about a proposal with no wording the rules read: the editor is
        // pointed at the sentence instead of reading the whole text for them (the first one kept).
        var unread = new Dictionary<(string Member, string Proposal), UnreadMention>();
        IReadOnlyList<string> topic = proposals.Count == 1 ? [proposals[0].Slug] : [];
        // The one ally the last sentences named: who "we" are in the quote that follows ("Sikorski
        // was more enthusiastic. 'We back it fully,' he said."). Null when several or none were named.
        string? speaking = null;
        // Cells whose ally said it will not take part: with "won't block" in the next sentence, that is an opt-out.
        var notTakingPart = new HashSet<(string, string)>();

        for (var index = 0; index < sentences.Count; index++)
        {
            // Matched on the folded sentence (same length), excerpts cut from the sentence as written.
            var written = sentences[index];
            var sentence = NewsText.Fold(written);
            var sentenceMentions = MembersIn(sentence, speakers);
            var named = sentenceMentions.Where(m => !m.ByGroup).Select(m => m.Alpha3).Distinct().ToList();
            var speaker = speaking;
            speaking = named.Count switch { 1 => named[0], 0 => speaking, _ => null };
            var proposalsNamed = proposalPatterns.Where(p => p.Pattern.IsMatch(sentence)).Select(p => p.Slug).ToList();
            proposalsRead.UnionWith(proposalsNamed);
            // "The proposals", "the plan", "it": a sentence that names none speaks of the last one(s) named.
            var inferred = proposalsNamed.Count == 0;
            var about = inferred ? topic : proposalsNamed;
            if (!inferred)
            {
                topic = proposalsNamed;
            }

            if (about.Count == 0)
            {
                membersRead.UnionWith(sentenceMentions.Select(m => m.Alpha3));
                continue;
            }

            foreach (var clause in Clauses(sentence))
            {
                try
                {
                    ReadClause(clause);
                }
                catch (RegexMatchTimeoutException)
                {
                    // A clause no pattern can finish with in time is left unread, not the whole text.
                }
            }

            void ReadClause(string clause)
            {
                var mentions = MembersIn(clause, speakers);
                if (mentions.Count == 0 && speaker is not null && FirstPerson().Match(clause) is { Success: true } we)
                {
                    // The quoted ally is the clause's subject, wherever "we" falls ("…is not something we support").
                    mentions.Add(new MemberMention(speaker, we.Value, 0.75, 0));
                }

                var said = mentions.Count == 0 ? [] : SaidCues(clause);
                foreach (var member in mentions)
                {
                    membersRead.Add(member.Alpha3);
                    if (NotTakingPart().Match(clause) is { Success: true } notPart && notPart.Index > member.Index)
                    {
                        notTakingPart.UnionWith(about.Select(p => (member.Alpha3, p)));
                    }

                    if (CueFor(clause, member, said) is not { } matched)
                    {
                        foreach (var proposal in about.Where(p => !unread.ContainsKey((member.Alpha3, p))))
                        {
                            unread[(member.Alpha3, proposal)] = new UnreadMention(member.Alpha3, proposal, Excerpt(written, sentence, clause), member.Words, index)
                            {
                                ByGroup = member.ByGroup,
                            };
                        }

                        continue;
                    }

                    cuesRead++;
                    foreach (var proposal in about)
                    {
                        var confidence = Math.Round(matched.Cue.Weight * (inferred ? 0.8 : 1.0) * member.Certainty, 2);
                        var reading = new StanceReading(
                            member.Alpha3, proposal, matched.Cue.Stance,
                            matched.Cue.TakesConditions ? Conditions(clause, matched.Match) : null,
                            Excerpt(written, sentence, clause), confidence, [member.Words, matched.Match.Value.Trim()], index)
                        {
                            ByGroup = member.ByGroup,
                        };
                        // The latest sentence about a cell speaks last; within one, the surest reading wins.
                        if (!found.TryGetValue((member.Alpha3, proposal), out var earlier) || earlier.FirstSentence < index || earlier.Confidence < confidence)
                        {
                            found[(member.Alpha3, proposal)] = reading;
                        }
                    }
                }
            }

            if (!inferred)
            {
                ReadOutcomes(index, written, sentence, proposalsNamed);
            }
        }

        // A decision is the clause's: "the €100bn plan did not survive; instead leaders pledged €40bn"
        // replaces the one and adopts the other. The last cue that matches in a clause wins
        // (the lexicon lists the general ones first: "approved … in a scaled-down form" is amended).
        void ReadOutcomes(int index, string written, string sentence, List<string> named)
        {
            foreach (var clause in Clauses(sentence))
            {
                var inClause = proposalPatterns.Where(p => p.Pattern.IsMatch(clause)).Select(p => p.Slug).ToList();
                if (inClause.Count == 0 && named.Count == 1)
                {
                    inClause = named;
                }

                (string Outcome, Match Cue)? decided = null;
                foreach (var (pattern, outcome) in OutcomeCues)
                {
                    if (pattern.Match(clause) is { Success: true } cue && !Hypothetical().IsMatch(clause[Math.Max(0, cue.Index - 40)..cue.Index]))
                    {
                        decided = (outcome, cue);
                    }
                }

                if (decided is not { } d || clause.TrimEnd().EndsWith('?'))
                {
                    continue;
                }

                var code = d.Outcome == "dropped" && Instead().IsMatch(sentence) ? "replaced" : d.Outcome;
                foreach (var proposal in inClause)
                {
                    outcomes[proposal] = new OutcomeReading(proposal, code, Excerpt(written, sentence, clause), 0.7, [d.Cue.Value.Trim()], index);
                }
            }
        }

        // "We will not take part in it. But we won't block anybody who wants to.": stepping aside.
        foreach (var (cell, reading) in found.Where(f => f.Value.Stance == Stance.Supports && NotBlocking().IsMatch(f.Value.Cues[^1]) && notTakingPart.Contains(f.Key)).ToList())
        {
            found[cell] = reading with { Stance = Stance.OptsOut, Confidence = Math.Min(reading.Confidence, 0.75) };
        }

        return new NewsReading(
            sentences,
            [.. found.Values.OrderBy(r => r.FirstSentence).ThenBy(r => r.Member, StringComparer.Ordinal).ThenBy(r => r.Proposal, StringComparer.Ordinal)],
            [.. outcomes.Values.OrderBy(o => o.FirstSentence)])
        {
            MembersRead = [.. membersRead],
            ProposalsRead = [.. proposalsRead],
            StanceWordsRead = cuesRead,
            Unread = [.. unread.Where(u => !found.ContainsKey(u.Key)).Select(u => u.Value).OrderBy(u => u.Sentence).ThenBy(u => u.Member, StringComparer.Ordinal)],
        };
    }

    /// <summary>
    /// The words a suggestion rests on, as written: the sentence when it is short enough to cite
    /// (at most 40 words, as the save accepts), else the clause, else the clause's first 40 words.
    /// <paramref name="folded"/> is <paramref name="written"/> folded, <paramref name="clause"/> part of it.
    /// </summary>
    private static string Excerpt(string written, string folded, string clause)
    {
        if (NewsText.WordCount(written) <= MaxExcerptWords)
        {
            return written;
        }

        var at = Math.Max(0, folded.IndexOf(clause, StringComparison.Ordinal));
        var part = written.Substring(at, Math.Min(clause.Length, written.Length - at)).Trim().TrimEnd(',', ';');
        var words = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length <= MaxExcerptWords ? part : string.Join(' ', words[..MaxExcerptWords]);
    }

    /// <summary>The longest excerpt a stance's evidence may quote (the domain's rule).</summary>
    public const int MaxExcerptWords = 40;
}
