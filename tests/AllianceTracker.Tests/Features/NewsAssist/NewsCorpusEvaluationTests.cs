using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using AllianceTracker.Web.Domain;
using AllianceTracker.Web.Features.NewsAssist;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace AllianceTracker.Tests.Features.NewsAssist;

/// <summary>
/// The news assist scored on the realistic corpus (Evaluation/news-corpus.json, written apart from
/// the rules): precision and recall on (member, proposal, stance) and on (proposal, outcome), the
/// development and test splits apart. The test split is frozen and only ever scored to report
/// (docs/news-assist.md keeps the log); rules are changed on what the development split shows.
/// One command scores either reader: scripts/news-eval.sh (Rules), or with
/// ALLIANCE_TRACKER_NEWS_READER=Model and NEWS_ASSIST_MODEL_ENDPOINT / NEWS_ASSIST_MODEL_NAME set, the model.
/// </summary>
public sealed class NewsCorpusEvaluationTests(ITestOutputHelper output)
{
    // The SHA-256 of the test split's articles as committed in cc8359e (keys sorted): a change
    // to any test article or label fails here, so the split cannot drift towards the rules.
    private const string FrozenTestSplit = "2af0f7438a0944f3a9f9915dc25dbeb09162f217320febc72f0238856d0f10b2";

    // Floors for the development split below its measured figures: a rule change that loses ground fails.
    private const double DevPrecisionFloor = 0.80;
    private const double DevRecallFloor = 0.55;

    private static readonly string CorpusPath = Path.Combine(AppContext.BaseDirectory, "Features", "NewsAssist", "Evaluation", "news-corpus.json");

    private sealed record Article(string Id, string Style, string Split, DateOnly Published, string Text,
        HashSet<(string, string, string)> Stances, HashSet<(string, string, string)> Acceptable, HashSet<(string, string)> Outcomes);

    private static JsonObject Corpus() => JsonNode.Parse(File.ReadAllText(CorpusPath))!.AsObject();

    private static List<Article> Articles() => [.. Corpus()["articles"]!.AsArray().Select(a => new Article(
        (string)a!["id"]!, (string)a["style"]!, (string)a["split"]!, DateOnly.Parse((string)a["published"]!, System.Globalization.CultureInfo.InvariantCulture), (string)a["text"]!,
        [.. a["stances"]!.AsArray().Select(s => ((string)s!["member"]!, (string)s["proposal"]!, (string)s["stance"]!))],
        [.. a["acceptable"]!.AsArray().Select(s => ((string)s!["member"]!, (string)s["proposal"]!, (string)s["stance"]!))],
        [.. a["outcomes"]!.AsArray().Select(o => ((string)o!["proposal"]!, (string)o["outcome"]!))]))];

    /// <summary>
    /// The proposals as the app would know them: the seeded three with their seeded aliases, and the
    /// €40bn pledge as an editor would table it, with the aliases fixed before the corpus was scored.
    /// </summary>
    internal static IReadOnlyList<ProposalNames> Proposals() =>
    [
        .. NewsEvaluationTests.SeededProposals(),
        // Fixed before the first scoring: "€40bn pledge" … "40 billion". Added after reading the
        // development split's misses, as an editor adds the names the news uses: "the pledge" … "€40bn".
        new("annual-pledge-40bn", "€40bn one-year pledge for Ukraine", ["€40bn pledge", "€40 billion pledge", "one-year pledge", "annual pledge", "40 billion",
            "the pledge", "the baseline", "€40bn baseline", "€40bn"]),
    ];

    private static INewsReader Reader()
    {
        if (!string.Equals(Environment.GetEnvironmentVariable("ALLIANCE_TRACKER_NEWS_READER"), "Model", StringComparison.OrdinalIgnoreCase))
        {
            return new RulesNewsReader();
        }

        var endpoint = Environment.GetEnvironmentVariable("NEWS_ASSIST_MODEL_ENDPOINT") ?? throw new InvalidOperationException("Set NEWS_ASSIST_MODEL_ENDPOINT.");
        var model = Environment.GetEnvironmentVariable("NEWS_ASSIST_MODEL_NAME") ?? throw new InvalidOperationException("Set NEWS_ASSIST_MODEL_NAME.");
        var chat = new OpenAI.Chat.ChatClient(model, new System.ClientModel.ApiKeyCredential(Environment.GetEnvironmentVariable("NEWS_ASSIST_MODEL_API_KEY") ?? "none"),
            new OpenAI.OpenAIClientOptions { Endpoint = new Uri(endpoint) }).AsIChatClient();
        return new ModelNewsReader(chat, NullLogger<ModelNewsReader>.Instance);
    }

    private sealed class Tally
    {
        public int Right, Wrong, Missed, OutcomesRight, OutcomesWrong, OutcomesMissed, Articles;

        // Expected cells the reader made no suggestion for, and of those, how many it pointed the
        // editor at ("named, but no stance read"): what an editor still has to find unaided.
        public int Unsuggested, PointedAt, UnreadRows, UnreadRowsStated;

        public static double Ratio(int right, int other) => right + other == 0 ? 0 : (double)right / (right + other);

        public string Figures =>
            $"{Articles} articles: stances precision {Ratio(Right, Wrong):0.00} recall {Ratio(Right, Missed):0.00} ({Right} right, {Wrong} wrong, {Missed} missed); "
            + $"outcomes precision {Ratio(OutcomesRight, OutcomesWrong):0.00} recall {Ratio(OutcomesRight, OutcomesMissed):0.00} ({OutcomesRight} right, {OutcomesWrong} wrong, {OutcomesMissed} missed); "
            + $"cells with no suggestion {Unsuggested}, of which pointed at {PointedAt}; unread rows {UnreadRows}, of which a stated stance {UnreadRowsStated}";
    }

    [Fact]
    public void The_test_split_is_the_one_committed_before_the_rules_were_tuned()
    {
        var test = new JsonArray([.. Corpus()["articles"]!.AsArray().Where(a => (string)a!["split"]! == "test").Select(a => Canonical(a!))]);

        Assert.Equal(24, test.Count);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(test.ToJsonString())));
        Assert.True(hash == FrozenTestSplit, $"The test split changed: its hash is {hash}, committed {FrozenTestSplit}.");
    }

    /// <summary>The node with every object's keys sorted, so the hash does not depend on how the file is laid out.</summary>
    private static JsonNode? Canonical(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Canonical(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(Canonical)]),
        _ => node?.DeepClone(),
    };

    [Fact]
    public async Task Scores_on_the_development_and_test_splits_every_excerpt_verbatim_and_within_forty_words()
    {
        var reader = Reader();
        var proposals = Proposals();
        var tallies = new Dictionary<string, Tally> { ["dev"] = new(), ["test"] = new() };
        var declined = new List<string>();
        foreach (var article in Articles())
        {
            var reading = await reader.ReadAsync(article.Text, proposals, article.Published);
            foreach (var excerpt in reading.Stances.Select(s => s.Excerpt).Concat(reading.Outcomes.Select(o => o.Excerpt)))
            {
                Assert.True(NewsReview.IsVerbatim(excerpt, article.Text), $"{article.Id}: excerpt not in the text: {excerpt}");
                Assert.InRange(NewsText.WordCount(excerpt), 1, NewsReader.MaxExcerptWords);
            }

            if (article.Style == "foreign-language")
            {
                // Declined, not read: the assist reads English only (its message names the language).
                declined.Add($"{article.Id}: {(reading.Language is null ? $"READ ({reading.Stances.Count} suggestions)" : $"declined as {reading.Language}")}");
                continue;
            }

            var tally = tallies[article.Split];
            tally.Articles++;
            var found = reading.Stances.Select(s => (s.Member, s.Proposal, s.Stance.ToCode())).ToHashSet();
            foreach (var (member, proposal, _) in article.Stances.Where(e => !found.Any(f => f.Member == e.Item1 && f.Proposal == e.Item2)))
            {
                tally.Unsuggested++;
                tally.PointedAt += reading.Unread.Any(u => u.Member == member && u.Proposal == proposal) ? 1 : 0;
            }

            tally.UnreadRows += reading.Unread.Count;
            tally.UnreadRowsStated += reading.Unread.Count(u => article.Stances.Any(e => e.Item1 == u.Member && e.Item2 == u.Proposal));

            foreach (var expected in article.Stances)
            {
                var met = found.Contains(expected) || found.Any(f => f.Member == expected.Item1 && f.Proposal == expected.Item2 && article.Acceptable.Contains(f));
                if (met)
                {
                    tally.Right++;
                }
                else
                {
                    tally.Missed++;
                    Report(article, $"missed {expected}");
                }
            }

            foreach (var suggestion in found.Where(f => !article.Stances.Any(e => e.Item1 == f.Member && e.Item2 == f.Proposal && (e == f || article.Acceptable.Contains(f)))))
            {
                if (!article.Acceptable.Contains(suggestion))
                {
                    tally.Wrong++;
                    Report(article, $"wrong {suggestion}");
                }
            }

            var outcomes = reading.Outcomes.Select(o => (o.Proposal, o.Outcome)).ToHashSet();
            tally.OutcomesRight += outcomes.Intersect(article.Outcomes).Count();
            tally.OutcomesWrong += outcomes.Except(article.Outcomes).Count();
            tally.OutcomesMissed += article.Outcomes.Except(outcomes).Count();
            foreach (var outcome in outcomes.Except(article.Outcomes))
            {
                Report(article, $"wrong outcome {outcome}");
            }

            foreach (var outcome in article.Outcomes.Except(outcomes))
            {
                Report(article, $"missed outcome {outcome}");
            }
        }

        var readerName = reader is RulesNewsReader ? "rules" : "model";
        // The test split's figures only when asked (scripts/news-eval.sh): while rules are tuned, only the development split is looked at.
        var report = Environment.GetEnvironmentVariable("NEWS_EVAL_REPORT_TEST") == "1" ? tallies : tallies.Where(t => t.Key == "dev");
        foreach (var (split, tally) in report)
        {
            output.WriteLine($"news corpus, {readerName} reader, {split}: {tally.Figures}");
            Console.WriteLine($"news corpus, {readerName} reader, {split}: {tally.Figures}");
        }

        output.WriteLine("foreign-language articles: " + string.Join("; ", declined));
        Assert.All(declined, d => Assert.Contains("declined", d));
        if (reader is RulesNewsReader)
        {
            Assert.True(Tally.Ratio(tallies["dev"].Right, tallies["dev"].Wrong) >= DevPrecisionFloor, "dev precision fell below its floor");
            Assert.True(Tally.Ratio(tallies["dev"].Right, tallies["dev"].Missed) >= DevRecallFloor, "dev recall fell below its floor");
        }

        // What went wrong is listed for the development split only: the test split is scored, never studied.
        void Report(Article article, string what)
        {
            if (article.Split == "dev")
            {
                output.WriteLine($"{article.Id} ({article.Style}): {what}");
            }
        }
    }
}
