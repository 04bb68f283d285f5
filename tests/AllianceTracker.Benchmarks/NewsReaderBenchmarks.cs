using System.Text;
using System.Text.Json.Nodes;
using AllianceTracker.Web.Features.NewsAssist;
using BenchmarkDotNet.Attributes;

namespace AllianceTracker.Benchmarks;

/// <summary>
/// The news assist's reading of the largest text it accepts (100 KB) in shapes people paste: news
/// prose, a page's HTML on one line, one unbroken clause, and characters with no spaces at all —
/// against 10 KB of prose as the baseline, so the ratios show whether reading stays linear
/// (docs/benchmarks.md; the budget is one second per 100 KB on this machine).
/// </summary>
[MemoryDiagnoser]
public class NewsReaderBenchmarks
{
    private static readonly IReadOnlyList<ProposalNames> Proposals =
    [
        new("ukraine-fund", "€100bn five-year fund for Ukraine", ["€100bn fund", "the fund", "multi-year commitment"]),
        new("ramstein-coordination", "NATO leads Ramstein coordination", ["Ramstein", "the handover", "Wiesbaden"]),
        new("membership-invitation", "Membership invitation for Ukraine", ["an invitation", "Ukraine's membership"]),
        new("annual-pledge-40bn", "€40bn one-year pledge for Ukraine", ["the pledge", "€40bn"]),
    ];

    private string _prose10 = "", _prose100 = "", _html100 = "", _clause100 = "", _noSpaces100 = "";

    [GlobalSetup]
    public void Setup()
    {
        var corpus = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "news-corpus.json")))!;
        var articles = corpus["articles"]!.AsArray().Where(a => (string)a!["style"]! is not ("html" or "foreign-language")).Select(a => (string)a!["text"]!).ToList();
        _prose10 = Fill(articles, 10 * 1024, "\n\n");
        _prose100 = Fill(articles, 100 * 1024, "\n\n");
        _html100 = Fill(articles.Select(a => "<p>" + a.Replace("\n\n", "</p><p>", StringComparison.Ordinal) + "</p>").ToList(), 100 * 1024, "");
        _clause100 = Fill(["and Hungary rejects the fund while Poland backs it as long as the others agree "], 100 * 1024, "");
        _noSpaces100 = new string('x', 100 * 1024);
    }

    private static string Fill(List<string> parts, int bytes, string separator)
    {
        var text = new StringBuilder();
        for (var i = 0; Encoding.UTF8.GetByteCount(text.ToString()) < bytes; i++)
        {
            text.Append(parts[i % parts.Count]).Append(separator);
        }

        return text.ToString();
    }

    [Benchmark(Baseline = true, Description = "10 KB of news prose")]
    public int Prose10() => NewsReader.Read(_prose10, Proposals).Stances.Count;

    [Benchmark(Description = "100 KB of news prose")]
    public int Prose100() => NewsReader.Read(_prose100, Proposals).Stances.Count;

    [Benchmark(Description = "100 KB of HTML on one line")]
    public int Html100() => NewsReader.Read(_html100, Proposals).Stances.Count;

    [Benchmark(Description = "one unbroken 100 KB clause")]
    public int Clause100() => NewsReader.Read(_clause100, Proposals).Stances.Count;

    [Benchmark(Description = "100 KB without a space")]
    public int NoSpaces100() => NewsReader.Read(_noSpaces100, Proposals).Stances.Count;
}
