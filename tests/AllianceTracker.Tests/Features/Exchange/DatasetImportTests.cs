using System.Text;
using System.Text.Json.Nodes;
using AllianceTracker.Tests.Shared;
using AllianceTracker.Tests.Support;
using AllianceTracker.Web.Features.Exchange;
using AllianceTracker.Web.Features.History;
using AllianceTracker.Web.Features.Positions;
using Microsoft.Extensions.Logging.Abstractions;

namespace AllianceTracker.Tests.Features.Exchange;

public sealed class DatasetImportTests : IAsyncLifetime
{
    private static readonly FixedClock Clock = FixedClock.On(2026, 11, 28);
    private TestDatabase _seeded = null!;
    private TestDatabase _empty = null!;
    private byte[] _export = null!;

    public async Task InitializeAsync()
    {
        _seeded = await TestDatabase.CreateAsync(seeded: true, Clock);
        _empty = await TestDatabase.CreateAsync(seeded: false, Clock);
        _export = (await Documents(_seeded).CurrentAsync(new DateOnly(2024, 7, 1))).ToCanonicalJson();
    }

    public async Task DisposeAsync()
    {
        await _seeded.DisposeAsync();
        await _empty.DisposeAsync();
    }

    private static InProcessStanceChangeNotifier Notifier() => new(NullLogger<InProcessStanceChangeNotifier>.Instance);

    private static PictureDocuments Documents(TestDatabase database) =>
        new(new AlliancePictureCache(new AlliancePictureReader(database, Clock), Notifier()), database);

    private static DatasetImport Import(TestDatabase database) =>
        new(new ImportPlanner(Documents(database)), TestEditors.Writer(database, Clock, Notifier()), Clock, TestEditors.Authorization);

    [Fact]
    public async Task Export_then_import_into_an_empty_database_then_export_again_gives_the_same_content_and_hash()
    {
        var plan = await Import(_empty).ApplyAsync(TestEditors.Admin(), _export);

        var again = await Documents(_empty).CurrentAsync(new DateOnly(2024, 7, 1));
        Assert.Equal(12, plan.StanceChanges);
        Assert.Equal(32, plan.MembersAdded);
        Assert.Equal(Encoding.UTF8.GetString(_export), Encoding.UTF8.GetString(again.ToCanonicalJson()));
        Assert.Equal(ExportDocument.Read(_export).Sha256(), again.Sha256());
    }

    [Fact]
    public async Task Importing_the_same_dataset_again_changes_nothing()
    {
        await Import(_empty).ApplyAsync(TestEditors.Admin(), _export);
        var before = await _empty.FingerprintAsync();

        var plan = await Import(_empty).ApplyAsync(TestEditors.Admin(), _export);

        Assert.Equal(0, plan.StanceChanges);
        Assert.Equal(before, await _empty.FingerprintAsync());
    }

    [Fact]
    public async Task A_preview_shows_the_diff_and_writes_nothing()
    {
        var edited = Mutate(d => d["positions"]!.AsArray().Single(p => (string?)p!["member"] == "FRA" && (string?)p["proposal"] == "ukraine-fund")!.AsObject()
            .ReplaceWith(JsonNode.Parse("""{"member":"FRA","proposal":"ukraine-fund","stance":"supports","conditions":null,"effectiveDate":"2024-06-01","rationale":"Preview test.","evidence":[{"source":"icaro-2024-04-stoltenberg-ukraine-fund","excerpt":"Preview test."}]}""")));
        var before = await _seeded.FingerprintAsync();

        var plan = await Import(_seeded).PreviewAsync(TestEditors.Admin(), edited);

        var change = Assert.Single(plan.Diff.Cells);
        Assert.Equal(("FRA", "unknown", "supports"), (change.Member, change.From, change.To));
        Assert.Equal(before, await _seeded.FingerprintAsync());
    }

    [Fact]
    public async Task Only_admins_may_import()
    {
        await Assert.ThrowsAsync<Web.Features.Accounts.AccessDeniedException>(() => Import(_seeded).PreviewAsync(TestEditors.Editor(), _export));
        await Assert.ThrowsAsync<Web.Features.Accounts.AccessDeniedException>(() => Import(_seeded).ApplyAsync(TestEditors.Reader(), _export));
    }

    public static TheoryData<string, string> Hostile => new()
    {
        { "empty", "$: the file is empty" },
        { "oversized", "larger than the limit of 1 MiB" },
        { "not-utf8", "not UTF-8" },
        { "utf16", "not UTF-8" },
        { "truncated", "not valid JSON" },
        { "not-json", "not valid JSON" },
        { "json-null", "JSON null" },
        { "array-root", "$: the value has the wrong type" },
        { "deep-nesting", "maximum configured depth of 16" },
        { "duplicate-key", "$.format: duplicate property" },
        { "unknown-property", "$.hacker: unknown property" },
        { "missing-property", "required property is missing: 'positions'" },
        { "wrong-type-version", "$.version: the value has the wrong type" },
        { "wrong-type-eu", "$.members[0].eu: the value has the wrong type" },
        { "wrong-format", "$.format" },
        { "future-version", "$.version" },
        { "bad-as-of", "$.asOf" },
        { "future-as-of", "$.asOf" },
        { "thirty-third-member", "$.members[32]" },
        { "duplicate-member", "$.members[1].alpha3" },
        { "lowercase-alpha3", "$.members[0].alpha3" },
        { "unknown-stance", "$.positions[0].stance" },
        { "unknown-member-in-position", "$.positions[0].member" },
        { "unknown-proposal-in-position", "$.positions[0].proposal" },
        { "duplicate-position", "listed twice" },
        { "conditional-without-conditions", "$.positions[0].conditions" },
        { "evidence-unknown-source", "$.positions[0].evidence[0].source" },
        { "stance-without-evidence", "$.positions[0].evidence" },
        { "long-excerpt", "$.positions[0].evidence[0].excerpt" },
        { "javascript-url", "$.sources[0].url" },
        { "unknown-source-kind", "$.sources[0].kind" },
        { "proposal-unknown-summit", "$.proposals[0].summit" },
        { "summit-ends-before-start", "$.summits[0].endsOn" },
        { "impossible-date", "$.positions[0].effectiveDate" },
        { "effective-after-as-of", "$.positions[0].effectiveDate" },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task A_hostile_file_is_refused_with_the_problem_named_and_the_database_unchanged(string file, string expected)
    {
        var content = HostileFile(file);
        var before = await _seeded.FingerprintAsync();

        var error = await Assert.ThrowsAsync<ImportRefusedException>(() => Import(_seeded).ApplyAsync(TestEditors.Admin(), content));

        Assert.Contains(error.Problems, p => p.ToString().Contains(expected, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(before, await _seeded.FingerprintAsync());
    }

    private byte[] HostileFile(string name)
    {
        const string firstPosition = "positions";
        return name switch
        {
            "empty" => [],
            "oversized" => Encoding.UTF8.GetBytes(new string(' ', DatasetImport.MaxBytes + 10)),
            "not-utf8" => [.. _export.Take(100), 0xC3, 0x28, .. _export.Skip(100)],
            "utf16" => Encoding.Unicode.GetBytes(Encoding.UTF8.GetString(_export)),
            "truncated" => _export[..(_export.Length / 2)],
            "not-json" => Encoding.UTF8.GetBytes("format: alliance-tracker-export"),
            "json-null" => Encoding.UTF8.GetBytes("null"),
            "array-root" => Encoding.UTF8.GetBytes("[]"),
            "deep-nesting" => Encoding.UTF8.GetBytes(new string('[', 200) + new string(']', 200)),
            "duplicate-key" => Encoding.UTF8.GetBytes("{\"format\":\"alliance-tracker-export\",\"format\":\"x\"}"),
            "unknown-property" => Mutate(d => d["hacker"] = true),
            "missing-property" => Mutate(d => d.AsObject().Remove(firstPosition)),
            "wrong-type-version" => Mutate(d => d["version"] = "one"),
            "wrong-type-eu" => Mutate(d => d["members"]![0]!["eu"] = "yes"),
            "wrong-format" => Mutate(d => d["format"] = "something-else"),
            "future-version" => Mutate(d => d["version"] = 3),
            "bad-as-of" => Mutate(d => d["asOf"] = "1st July"),
            "future-as-of" => Mutate(d => d["asOf"] = "2031-01-01"),
            "thirty-third-member" => Mutate(d => d["members"]!.AsArray().Add(JsonNode.Parse(
                """{"alpha3":"UKR","alpha2":"UA","numeric":"804","name":"Ukraine","joined":2024,"subregion":"Eastern Europe","eu":false,"b9":false}"""))),
            "duplicate-member" => Mutate(d => d["members"]![1]!["alpha3"] = (string?)d["members"]![0]!["alpha3"]),
            "lowercase-alpha3" => Mutate(d => d["members"]![0]!["alpha3"] = "alb"),
            "unknown-stance" => Mutate(d => d["positions"]![0]!["stance"] = "blocks"),
            "unknown-member-in-position" => Mutate(d => d["positions"]![0]!["member"] = "XKX"),
            "unknown-proposal-in-position" => Mutate(d => d["positions"]![0]!["proposal"] = "nato-space-force"),
            "duplicate-position" => Mutate(d => d["positions"]!.AsArray().Add(d["positions"]![0]!.DeepClone())),
            "conditional-without-conditions" => Mutate(d => { d["positions"]![0]!["stance"] = "conditional"; d["positions"]![0]!["conditions"] = null; }),
            "evidence-unknown-source" => Mutate(d => Recorded(d)["evidence"] = JsonNode.Parse("""[{"source":"no-such-source","excerpt":"x"}]""")),
            "stance-without-evidence" => Mutate(d => Recorded(d)["evidence"] = new JsonArray()),
            "long-excerpt" => Mutate(d => Recorded(d)["evidence"]![0]!["excerpt"] = string.Join(' ', Enumerable.Repeat("word", 41))),
            "javascript-url" => Mutate(d => d["sources"]![0]!["url"] = "javascript:alert(1)"),
            "unknown-source-kind" => Mutate(d => d["sources"]![0]!["kind"] = "rumour"),
            "proposal-unknown-summit" => Mutate(d => d["proposals"]![0]!["summit"] = "madrid-2022"),
            "summit-ends-before-start" => Mutate(d => d["summits"]![0]!["endsOn"] = "2024-07-01"),
            "impossible-date" => Mutate(d => Recorded(d)["effectiveDate"] = "2024-02-30"),
            "effective-after-as-of" => Mutate(d => Recorded(d)["effectiveDate"] = "2024-12-01"),
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };
    }

    // Position 0 is recorded (not unknown) in the canonical order? Make it so for the cases that need one.
    private static JsonNode Recorded(JsonNode document)
    {
        var first = document["positions"]![0]!;
        first["stance"] = "supports";
        first["effectiveDate"] ??= "2024-06-01";
        first["rationale"] ??= "Test.";
        if (first["evidence"]!.AsArray().Count == 0)
        {
            first["evidence"] = JsonNode.Parse("""[{"source":"icaro-2024-04-stoltenberg-ukraine-fund","excerpt":"Test."}]""");
        }

        return first;
    }

    private byte[] Mutate(Action<JsonNode> change)
    {
        var document = JsonNode.Parse(_export)!;
        change(document);
        return Encoding.UTF8.GetBytes(document.ToJsonString());
    }
}
