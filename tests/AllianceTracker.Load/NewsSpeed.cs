using System.Diagnostics;
using System.Text;
using System.Text.Json;
using AllianceTracker.Web.Features.NewsAssist;

namespace AllianceTracker.Load;

/// <summary>
/// How long the news assist's rules take to read a 100 KB text of each shape a paste can have
/// (issue 24: ≤ 1 s each on this machine), against the seed article read in the same run: its time
/// per KB is the baseline, so a ratio near 1 means the reading stays linear. In-process, no app.
/// </summary>
internal static class NewsSpeed
{
    private const int TargetBytes = 100 * 1024;

    public static void Run(string seedArticle, string aliases)
    {
        var proposals = Proposals(aliases);
        var article = File.ReadAllText(seedArticle);
        Console.WriteLine($"news assist reading speed — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        var baseline = Median(article, proposals);
        var baselinePerKb = baseline.TotalMilliseconds / (Encoding.UTF8.GetByteCount(article) / 1024.0);
        var report = new Report();
        report.Line($"seed article ({Encoding.UTF8.GetByteCount(article) / 1024.0:0.0} KB), the baseline", $"median {baseline.TotalMilliseconds:0.0} ms, {baselinePerKb:0.00} ms per KB");
        var paragraphs = article.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var shapes = new (string Name, string Text)[]
        {
            ("the seed article again and again (prose, many sentences)", Fill(article + "\n\n")),
            ("HTML pasted on one line", Fill(string.Concat(paragraphs.Select(p => $"<p>{System.Net.WebUtility.HtmlEncode(p)}</p>")))),
            ("one clause without a stop", "Diplomats said " + Fill("and Hungary rejects the Ukraine fund while allies talk about it ")),
            ("one sentence listing every ally and proposal", Fill("Hungary, Poland, Spain, Italy, the Baltic states and the Nordics back the Ukraine fund, the Ramstein handover and an invitation, ")),
            ("one 100 KB word", new string('a', TargetBytes)),
            ("punctuation only", Fill(", ; : — ( ) \" ' … ? ! ")),
            ("quotes opened and never closed", Fill("“Hungary said “we reject the fund ")),
        };
        foreach (var (name, text) in shapes)
        {
            var median = Median(text, proposals);
            var perKb = median.TotalMilliseconds / (Encoding.UTF8.GetByteCount(text) / 1024.0);
            report.Budget($"{name}, {Encoding.UTF8.GetByteCount(text) / 1024.0:0} KB",
                $"median {median.TotalMilliseconds:0} ms ({perKb / baselinePerKb:0.00}× the baseline per KB)", "≤ 1 s", median <= TimeSpan.FromSeconds(1));
        }

        report.Print();
    }

    /// <summary>The unit repeated to about <see cref="TargetBytes"/> of UTF-8.</summary>
    private static string Fill(string unit) =>
        string.Concat(Enumerable.Repeat(unit, Math.Max(1, TargetBytes / Encoding.UTF8.GetByteCount(unit) - 3)));

    /// <summary>The median of five reads after one unmeasured (the regexes compile on first use).</summary>
    private static TimeSpan Median(string text, IReadOnlyList<ProposalNames> proposals)
    {
        NewsReader.Read(text, proposals);
        var times = new List<TimeSpan>();
        for (var i = 0; i < 5; i++)
        {
            var clock = Stopwatch.StartNew();
            NewsReader.Read(text, proposals);
            times.Add(clock.Elapsed);
        }

        return times.Order().ElementAt(times.Count / 2);
    }

    private static List<ProposalNames> Proposals(string aliasesFile)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(aliasesFile));
        return [.. json.RootElement.GetProperty("aliases").EnumerateObject()
            .Select(p => new ProposalNames(p.Name, p.Name.Replace('-', ' '), [.. p.Value.EnumerateArray().Select(a => a.GetString()!)]))];
    }
}
