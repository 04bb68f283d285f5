using System.Text;
using System.Text.Json.Nodes;
using AllianceTracker.Tests.Shared;
using AllianceTracker.Tests.Support;

namespace AllianceTracker.Tests.Hosting;

/// <summary>
/// Over a hundred hostile dataset files, each posted for real (not a dry run) by an admin: every
/// one is refused with a 4xx naming the problem, and the data is exactly as before. They share one
/// app: each compares the data with what it was just before its own import.
/// </summary>
public sealed class HostileImportTests(AllianceAppFactory app) : IClassFixture<AllianceAppFactory>
{
    private AllianceAppFactory App => app;

    private static readonly string[] TextFields =
    [
        "members[0].name", "members[0].subregion", "summits[0].name", "summits[0].city", "proposals[0].title", "proposals[0].description",
        "proposals[0].proposer", "sources[0].title", "sources[0].outlet", "positions[*].rationale", "positions[*].evidence[0].excerpt", "positions[*].conditions",
    ];

    private static readonly string[] BadTexts = ["bell \u0007 inside", "nul \u0000 inside", "reads \u202E backwards", new string('x', 5000), "escape \u001b[31m", "form feed \f here"];

    /// <summary>
    /// Each case: a name, how it spoils a good dataset (the current export), and what the refusal
    /// must name for an admin to find the problem (the field, or what is wrong with the file).
    /// </summary>
    public static IEnumerable<(string Name, Func<JsonNode, string> Spoil, string Names)> Cases()
    {
        foreach (var field in TextFields)
        {
            foreach (var bad in BadTexts)
            {
                yield return ($"{field} = {Describe(bad)}", d => Set(d, field, bad), LastName(field));
            }
        }

        foreach (var (field, value) in new (string, JsonNode?)[]
        {
            ("members[0].alpha3", "ALB\n"), ("members[0].alpha3", "alb"), ("members[0].alpha3", "ALBA"), ("members[0].alpha2", "A"), ("members[0].numeric", "8"),
            ("members[0].joined", "1949"), ("members[0].joined", 1900), ("members[0].joined", 3000), ("members[0].joined", 1949.5), ("members[0].eu", "true"),
            ("summits[0].slug", "washington-2024\n"), ("summits[0].slug", "Washington 2024"), ("summits[0].startsOn", "2024-02-30"), ("summits[0].endsOn", "yesterday"),
            ("proposals[0].slug", "ukraine-fund\n"), ("proposals[0].slug", "Ukraine_Fund"), ("proposals[0].slug", new string('a', 200)), ("proposals[0].tabledOn", "2999-01-01"),
            ("sources[0].key", "not a key"), ("sources[0].url", "javascript:alert(1)"), ("sources[0].url", "data:text/html,<script>alert(1)</script>"),
            ("sources[0].url", "https://example.org/a b"), ("sources[0].url", "https://example.org/\"><img src=x onerror=alert(1)>"), ("sources[0].url", "ftp://example.org/"),
            ("sources[0].url", "https://user:pw@example.org/"), ("sources[0].kind", "rumour"), ("sources[0].published", "2999-12-31"),
            ("positions[*].stance", "bogus"), ("positions[*].stance", null), ("positions[*].member", "XXX"), ("positions[*].proposal", "no-such-proposal"),
            ("positions[*].effectiveDate", "2999-01-01"), ("positions[*].evidence[0].source", "no-such-source"), ("positions[*].evidence", new JsonArray()),
            ("positions[*].evidence[0].excerpt", ""), ("formatVersion", 99), ("formatVersion", "2"), ("members", null), ("positions", new JsonObject()),
        })
        {
            yield return ($"{field} = {Describe(value?.ToJsonString() ?? "null")}", d => Set(d, field, value), LastName(field));
        }

        yield return ("an unknown property", d => { d["surprise"] = 1; return d.ToJsonString(); }, "surprise");
        yield return ("a duplicated key", d => d.ToJsonString().Insert(1, "\"members\":[],"), "members");
        yield return ("not JSON", _ => "members: HUN", "JSON");
        yield return ("empty", _ => "", "empty");
        yield return ("truncated", d => d.ToJsonString()[..200], "JSON");
        yield return ("an array at the top", d => $"[{d.ToJsonString()}]", "object");
        yield return ("nested 200 deep", _ => new string('[', 200) + new string(']', 200), "depth");
        yield return ("over the size limit", d => d.ToJsonString() + new string(' ', 1024 * 1024 + 10), "large");
        yield return ("a lone surrogate", d => d.ToJsonString().Replace("\"Albania\"", "\"Alb\\ud800ania\"", StringComparison.Ordinal), "members[0].name");
    }

    public static TheoryData<string> CaseNames() => [.. Cases().Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task A_hostile_dataset_is_refused_with_a_4xx_that_names_the_problem_and_changes_nothing(string name)
    {
        var admin = await App.SignedInAsync("Admin");
        var before = await App.Anonymous().GetStringAsync("/api/v1/exports/current.json");
        var hostile = Cases().Single(c => c.Name == name);
        var file = hostile.Spoil(JsonNode.Parse(before)!);

        var response = await admin.PostAsync("/api/v1/imports?dryRun=false", new StringContent(file, Encoding.UTF8, "application/json"));

        var problem = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{name}: {(int)response.StatusCode} {problem}");
        Assert.True(problem.Contains(hostile.Names, StringComparison.OrdinalIgnoreCase), $"{name}: the refusal does not name '{hostile.Names}': {problem}");
        Assert.Equal(before, await App.Anonymous().GetStringAsync("/api/v1/exports/current.json"));
    }

    /// <summary>The field's own name, the last in its path: "excerpt" for positions[*].evidence[0].excerpt.</summary>
    private static string LastName(string path) => System.Text.RegularExpressions.Regex.Matches(path, "[A-Za-z][A-Za-z0-9]*").Last().Value;

    private static string Describe(string text) => text.Length > 40 ? $"{text.Length} characters" : System.Text.Json.JsonSerializer.Serialize(text);

    private static string Set(JsonNode document, string path, JsonNode? value)
    {
        // positions[*]: the first position with evidence, so the spoiled entry is one the import really reads.
        var cited = document["positions"]!.AsArray().Select((p, i) => (p, i)).First(x => x.p!["evidence"]!.AsArray().Count > 0).i;
        path = path.Replace("[*]", $"[{cited}]", StringComparison.Ordinal);
        var parts = System.Text.RegularExpressions.Regex.Matches(path, @"([A-Za-z0-9]+)|\[(\d+)\]").Select(m => m.Value).ToList();
        var node = document;
        for (var i = 0; i < parts.Count - 1; i++)
        {
            node = parts[i].StartsWith('[') ? node[int.Parse(parts[i].Trim('[', ']'), System.Globalization.CultureInfo.InvariantCulture)]! : node[parts[i]]!;
        }

        var last = parts[^1];
        if (last.StartsWith('['))
        {
            node[int.Parse(last.Trim('[', ']'), System.Globalization.CultureInfo.InvariantCulture)] = value;
        }
        else
        {
            node[last] = value;
        }

        return document.ToJsonString();
    }
}
