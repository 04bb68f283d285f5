using System.Text.RegularExpressions;

namespace AllianceTracker.Web.Features.NewsAssist;

// Who a clause speaks of and which cue says where each stands (NewsReader.cs reads the text with these).
public static partial class NewsReader
{
    /// <summary>
    /// Every cue in the clause that is said, not supposed, in the order the cues are tried: matched
    /// once per clause, however many members it names (a list of thirty allies would otherwise run
    /// every cue thirty times). Empty for a question.
    /// </summary>
    private static List<(Cue Cue, Match Match)> SaidCues(string clause)
    {
        var said = new List<(Cue, Match)>();
        // A question, or a cue under a modal or a forecast ("could veto", "is expected to back", "did
        // not rule out supporting"), says what might be, not where the member stands.
        if (clause.TrimEnd().EndsWith('?'))
        {
            return said;
        }

        foreach (var cue in Cues)
        {
            foreach (Match match in cue.Pattern.Matches(clause))
            {
                if (!Hypothetical().IsMatch(clause[Math.Max(0, match.Index - 40)..match.Index]))
                {
                    said.Add((cue, match));
                }
            }
        }

        return said;
    }

    /// <summary>
    /// The cue that says where <paramref name="member"/> stands in the clause: one it is the agent
    /// of ("…is backed by Germany"), else the first in the cues' order that comes after the member
    /// ("Hungary rejected…"); a cue before the member is about something else ("amid concerns
    /// that the U.S. may…").
    /// </summary>
    private static (Cue Cue, Match Match)? CueFor(string clause, MemberMention member, List<(Cue Cue, Match Match)> said)
    {
        foreach (var (cue, match) in said)
        {
            var end = match.Index + match.Length;
            if (end <= member.Index && AgentAfter().IsMatch(clause[end..member.Index]))
            {
                return (cue, match);
            }
        }

        foreach (var (cue, match) in said)
        {
            if (match.Index > member.Index && !PassiveByOther(clause, match))
            {
                return (cue, match);
            }
        }

        return null;
    }

    /// <summary>What the member asks for: the clause from the conditional cue on, verbatim.</summary>
    private static string Conditions(string clause, Match cue)
    {
        var text = clause[cue.Index..].Trim().TrimEnd('.', ';', ',');
        return text.Length == 0 ? clause.Trim() : char.ToUpperInvariant(text[0]) + text[1..];
    }

    private sealed record MemberMention(string Alpha3, string Words, double Certainty, int Index, bool ByGroup = false);

    /// <summary>Each member's ways of being named, as patterns built once: names, demonyms, the capital when it acts.</summary>
    private sealed record MemberPatterns(string Alpha3, Regex Name, Regex Demonym, Regex? Capital);

    private static readonly MemberPatterns[] MemberNames = [.. NewsLexicon.Members.Select(member => new MemberPatterns(
        member.Alpha3,
        // "…an explanation from the United States": after a preposition a country is not who speaks.
        new Regex($@"(?<![\w.])(?<!\b(?:from|to|with|against|towards?|about|on)\s(?:the\s)?)(?:{string.Join("|", member.Names.Select(Regex.Escape))})(?!\w)", RegexOptions.None, MatchTimeout),
        new Regex($@"\b(?:{string.Join("|", member.Demonyms.Select(Regex.Escape))})\b(?!\s+(?:Nine|Group|Republic))", RegexOptions.None, MatchTimeout),
        member.Capital is { } capital
            ? new Regex($@"(?<!\b(?:in|at|to|from|of|the)\s)(?:{string.Join("|", NewsLexicon.SeatsOf(member.Alpha3).Prepend(capital).Select(Regex.Escape))})(?!\s+(?:summit|Nine|Treaty|group))(?=(?:(?:,\s+|,?\s+and\s+)[A-Z][\w'-]+){{0,4}}(?:{NewsLexicon.GovernmentVerb}|,\s+(?:which|who)\b))", RegexOptions.None, MatchTimeout)
            : null))];

    private static readonly (Regex Pattern, string Outcome)[] OutcomeCues = [.. NewsLexicon.OutcomeCues.Select(c => (Rx(c.Pattern), c.Outcome))];

    private static readonly (Regex Pattern, string[] Members)[] GroupNames = [.. NewsLexicon.Groups.Select(g => (new Regex(g.Pattern, RegexOptions.None, MatchTimeout), g.Members))];

    private static List<MemberMention> MembersIn(string clause, IReadOnlyDictionary<string, Regex> speakers)
    {
        var mentions = new List<MemberMention>();
        // People first: "Luís Montenegro" is Portugal's prime minister, not Montenegro.
        var people = speakers.Select(s => (Member: s.Key, Match: s.Value.Match(clause))).Where(s => s.Match.Success).ToList();
        bool InsideAName(Match match) => people.Any(p => p.Match.Index <= match.Index && match.Index + match.Length <= p.Match.Index + p.Match.Length && p.Match.Length > match.Length);

        foreach (var member in MemberNames)
        {
            // The ally's first mention in the clause, however it is named: a cue must come after it.
            var candidates = new List<MemberMention>(4);
            if (member.Name.Match(clause) is { Success: true } byName && !InsideAName(byName))
            {
                candidates.Add(new(member.Alpha3, byName.Value, 1.0, byName.Index));
            }

            if (member.Demonym.Match(clause) is { Success: true } byDemonym)
            {
                candidates.Add(new(member.Alpha3, byDemonym.Value, 0.9, byDemonym.Index));
            }

            if (member.Capital?.Match(clause) is { Success: true } byCapital)
            {
                candidates.Add(new(member.Alpha3, byCapital.Value, 0.85, byCapital.Index));
            }

            if (people.FirstOrDefault(p => p.Member == member.Alpha3).Match is { Success: true } bySpeaker)
            {
                // "Orbán said…": the ally's leader or minister speaking for it.
                candidates.Add(new(member.Alpha3, bySpeaker.Value, 0.85, bySpeaker.Index));
            }

            if (candidates.Count > 0)
            {
                mentions.Add(candidates.MinBy(c => c.Index)!);
            }
        }

        foreach (var (pattern, members) in GroupNames)
        {
            // A group where it met ("In Vilnius, where the B9 met…") is a place, not an ally speaking.
            if (pattern.Match(clause) is { Success: true } group && !GroupAsPlace().IsMatch(clause[group.Index..]) && !WhereBefore().IsMatch(clause[..group.Index]))
            {
                mentions.AddRange(members.Where(m => mentions.All(x => x.Alpha3 != m)).Select(m => new MemberMention(m, group.Value, 0.85, group.Index, ByGroup: true)));
            }
        }

        return mentions;
    }

    private static Regex ProposalPattern(ProposalNames proposal)
    {
        var names = proposal.Aliases.Append(proposal.Title).Where(a => a.Trim().Length >= 3).Select(a => Regex.Escape(a.Trim()).Replace(@"\ ", @"\s+"));
        return new Regex($@"(?<!\w)(?:{string.Join("|", names)})(?!\w)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, MatchTimeout);
    }
}
