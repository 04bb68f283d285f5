using System.Text.Json;
using System.Text.RegularExpressions;

namespace AllianceTracker.Web.Features.NewsAssist;

/// <summary>
/// The people who speak for an ally (news-speakers.json): heads of state and government, foreign
/// and defence ministers, with their terms, so "Orbán said…" or "Pistorius argued…" reads as that
/// ally speaking on the article's date. A surname that is a common word or names someone else
/// ("Rutte", NATO's Secretary General from October 2024) counts only with the first name.
/// </summary>
public static class NewsSpeakers
{
    public sealed record Speaker(string Member, string Name, string Surname, string? AsciiSurname, string Office, DateOnly From, DateOnly? To);

    private sealed record SpeakerFile(List<SpeakerRow> People, List<string> Ambiguous);

    private sealed record SpeakerRow(string Member, string Name, string Surname, string? AsciiSurname, string Office, string From, string? To);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly (IReadOnlyList<Speaker> People, HashSet<string> Ambiguous) Lexicon = Load();

    public static IReadOnlyList<Speaker> People => Lexicon.People;

    private static (IReadOnlyList<Speaker>, HashSet<string>) Load()
    {
        using var stream = typeof(NewsSpeakers).Assembly.GetManifestResourceStream("AllianceTracker.news-speakers.json")
            ?? throw new InvalidOperationException("news-speakers.json is not embedded in the app.");
        var file = JsonSerializer.Deserialize<SpeakerFile>(stream, Json)!;
        return (
            [.. file.People.Select(p => new Speaker(p.Member, p.Name, p.Surname, p.AsciiSurname, p.Office, DateOnly.Parse(p.From, System.Globalization.CultureInfo.InvariantCulture),
                p.To is null ? null : DateOnly.Parse(p.To, System.Globalization.CultureInfo.InvariantCulture)))],
            file.Ambiguous.ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>
    /// One pattern per ally for the people who spoke for it on <paramref name="on"/> (any date when
    /// null): full names always, surnames alone unless ambiguous; whole words, case-sensitive.
    /// </summary>
    public static IReadOnlyDictionary<string, Regex> PatternsOn(DateOnly? on, TimeSpan timeout)
    {
        var inOffice = People.Where(p => on is null || (p.From <= on && (p.To is null || on <= p.To))).ToList();
        // Built once per set of office-holders, not per date: every date between the same two changes
        // of office shares them, so the cache is bounded by the terms in the file, whatever dates come.
        var key = string.Join(',', inOffice.Select(p => p.Member + p.Name));
        return ByHolders.GetOrAdd(key, _ => Build(inOffice, timeout));
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyDictionary<string, Regex>> ByHolders = new();

    private static Dictionary<string, Regex> Build(List<Speaker> inOffice, TimeSpan timeout) =>
        inOffice
            .GroupBy(p => p.Member)
            .ToDictionary(g => g.Key, g => new Regex(
                $@"(?<![\w-])(?:{string.Join("|", g.SelectMany(Names).Distinct().OrderByDescending(n => n.Length).Select(n => Regex.Escape(n).Replace(@"\ ", @"\s+")))})(?![\w-])",
                RegexOptions.None, timeout));

    private static IEnumerable<string> Names(Speaker speaker)
    {
        yield return speaker.Name;
        if (!Lexicon.Ambiguous.Contains(speaker.Surname))
        {
            yield return speaker.Surname;
            if (speaker.AsciiSurname is { } ascii)
            {
                yield return ascii;
            }
        }
    }
}
