using System.Text.Json.Nodes;
using AllianceTracker.Tests.Shared;
using AllianceTracker.Tests.Support;
using AllianceTracker.Web.Domain;
using AllianceTracker.Web.Features.History;
using AllianceTracker.Web.Features.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace AllianceTracker.Tests.Features.Seeding;

public sealed class SeedImporterTests : IAsyncLifetime
{
    private static readonly TimeProvider Clock = FixedClock.On(2026, 11, 28);

    private TestDatabase _database = null!;
    private string _seeds = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _seeds = Path.Combine(_database.Directory, "seeds");
        Directory.CreateDirectory(_seeds);
        foreach (var file in Directory.GetFiles(TestDatabase.ShippedSeeds, "*.json"))
        {
            File.Copy(file, Path.Combine(_seeds, Path.GetFileName(file)));
        }
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private readonly InProcessStanceChangeNotifier _notifier = new(NullLogger<InProcessStanceChangeNotifier>.Instance);

    private SeedImporter Importer => new(_database, TestEditors.Writer(_database, Clock, _notifier), Clock);

    [Fact]
    public async Task The_shipped_seeds_import_32_members_3_proposals_and_the_article_backed_stances()
    {
        var report = await Importer.ImportAsync(_seeds);

        Assert.Equal(new SeedImportReport(32, 1, 1, 3, 12), report);
        await using var db = _database.CreateDbContext();
        Assert.Equal(32, await db.Members.CountAsync());
        Assert.Equal(["membership-invitation", "ramstein-coordination", "ukraine-fund"], await db.Proposals.Select(p => p.Slug).OrderBy(s => s).ToListAsync());
        var hungary = await db.StanceChanges.Include(c => c.Evidence).ThenInclude(e => e.Source)
            .SingleAsync(c => c.MemberAlpha3 == "HUN" && c.Proposal!.Slug == "ukraine-fund");
        Assert.Equal(Stance.Opposes, hungary.Stance);
        Assert.Equal(new DateOnly(2024, 4, 3), hungary.EffectiveOn);
        Assert.Equal(SeedImporter.SeedAuthor, hungary.RecordedBy);
        var evidence = Assert.Single(hungary.Evidence);
        Assert.Equal("icaro-2024-04-stoltenberg-ukraine-fund", evidence.Source!.Key);
        Assert.Contains("Hungary, which has rejected the NATO proposals", evidence.Excerpt);
    }

    [Fact]
    public async Task The_readings_ADR_0004_flags_are_seeded_as_interpretations_with_a_note_and_the_stated_ones_are_not()
    {
        await Importer.ImportAsync(_seeds);

        await using var db = _database.CreateDbContext();
        var interpreted = await db.StanceChanges.Where(c => c.InterpretationNote != null)
            .Select(c => c.MemberAlpha3 + ":" + c.Proposal!.Slug).OrderBy(c => c).ToListAsync();
        Assert.Equal(["ESP:ukraine-fund", "EST:membership-invitation", "ITA:ukraine-fund", "LTU:membership-invitation", "LVA:membership-invitation", "POL:membership-invitation"], interpreted);
        var estonia = await db.StanceChanges.SingleAsync(c => c.MemberAlpha3 == "EST");
        Assert.Contains("Baltic officials", estonia.InterpretationNote);
        // Hungary's rejection and the US and German opposition are stated in the article: no mark.
        Assert.Null((await db.StanceChanges.SingleAsync(c => c.MemberAlpha3 == "DEU")).InterpretationNote);
    }

    [Fact]
    public async Task Every_seeded_stance_cites_evidence_and_conditional_ones_state_conditions()
    {
        await Importer.ImportAsync(_seeds);

        await using var db = _database.CreateDbContext();
        var changes = await db.StanceChanges.Include(c => c.Evidence).ToListAsync();
        Assert.All(changes, c => Assert.NotEmpty(c.Evidence));
        Assert.All(changes.Where(c => c.Stance == Stance.Conditional), c => Assert.False(string.IsNullOrWhiteSpace(c.Conditions)));
        Assert.Equal(["ESP", "ITA"], changes.Where(c => c.Stance == Stance.Conditional).Select(c => c.MemberAlpha3).Order());
    }

    [Fact]
    public async Task An_import_that_adds_stances_tells_open_pages_and_one_that_adds_nothing_stays_quiet()
    {
        using var heard = new HeardNotices(_notifier);

        await Importer.ImportAsync(_seeds);
        var afterFirst = _notifier.Version;
        await Importer.ImportAsync(_seeds);

        Assert.Single(await heard.WaitForAsync(1));
        // The second import published nothing: the version it would have moved stands still.
        Assert.Equal(afterFirst, _notifier.Version);
    }

    [Fact]
    public async Task Importing_again_changes_nothing()
    {
        await Importer.ImportAsync(_seeds);
        var before = await _database.FingerprintAsync();

        var report = await Importer.ImportAsync(_seeds);

        Assert.True(report.ChangedNothing);
        Assert.Equal(before, await _database.FingerprintAsync());
    }

    [Fact]
    public async Task A_new_entry_in_the_seeds_is_appended_on_the_next_import_and_nothing_else()
    {
        await Importer.ImportAsync(_seeds);
        Edit(SeedImporter.StancesFileName, root => root["stances"]!.AsArray().Add(ValidExtraStance()));

        var report = await Importer.ImportAsync(_seeds);

        Assert.Equal(new SeedImportReport(0, 0, 0, 0, 1), report);
    }

    public static TheoryData<string, string, string> RejectedSeeds => new()
    {
        { "unknown-member", SeedImporter.StancesFileName, "member: There is no member with the code 'XKX'" },
        { "unknown-stance", SeedImporter.StancesFileName, "stance: 'blocks' is not a stance code" },
        { "conditional-without-conditions", SeedImporter.StancesFileName, "conditions: A conditional stance must state its conditions" },
        { "evidence-without-source", SeedImporter.StancesFileName, "evidence[0].source: Pick the source you quote" },
        { "evidence-unknown-source", SeedImporter.StancesFileName, "evidence[0].source: There is no source with the key 'no-such-source'" },
        { "no-evidence", SeedImporter.StancesFileName, "needs evidence" },
        { "long-excerpt", SeedImporter.StancesFileName, "quote at most 40" },
        { "future-date", SeedImporter.StancesFileName, "is in the future" },
        { "duplicate-stance", SeedImporter.StancesFileName, "listed twice" },
        { "thirty-third-member", SeedImporter.MembersFileName, "NATO has 32 members; this would make 33" },
        { "duplicate-member", SeedImporter.MembersFileName, "alpha3: listed twice: HUN" },
        { "bad-alpha3", SeedImporter.MembersFileName, "is not an alpha-3 code" },
        { "unknown-source-kind", SeedImporter.SourcesFileName, "kind: 'rumour' is not a kind of source" },
        { "ftp-url", SeedImporter.SourcesFileName, "is not a web address" },
        { "duplicate-proposal", SeedImporter.SummitsFileName, "slug: listed twice: ukraine-fund" },
        { "summit-ends-before-start", SeedImporter.SummitsFileName, "endsOn: The summit cannot end" },
        { "malformed-json", SeedImporter.StancesFileName, "stances.json" },
        { "wrong-type", SeedImporter.MembersFileName, "$.members[0].joined" },
        { "missing-property", SeedImporter.StancesFileName, "rationale" },
        { "unexpected-property", SeedImporter.StancesFileName, "stanse" },
        { "impossible-date", SeedImporter.StancesFileName, "$.stances[0].effectiveOn" },
        { "missing-file", SeedImporter.SourcesFileName, "the file is missing" },
    };

    [Theory]
    [MemberData(nameof(RejectedSeeds))]
    public async Task A_seed_file_that_breaks_a_rule_is_refused_with_file_and_entry_named_and_the_database_untouched(
        string breakage, string file, string expected)
    {
        await Importer.ImportAsync(_seeds);
        // A valid addition rides along with every breakage: it must not be written either.
        Edit(SeedImporter.StancesFileName, root => root["stances"]!.AsArray().Add(ValidExtraStance()));
        Break(breakage);
        var before = await _database.FingerprintAsync();

        var error = await Assert.ThrowsAsync<SeedImportException>(() => Importer.ImportAsync(_seeds));

        var message = Assert.Single(error.Errors, e => e.Contains(expected, StringComparison.Ordinal));
        Assert.StartsWith(file, message, StringComparison.Ordinal);
        Assert.Equal(before, await _database.FingerprintAsync());
    }

    [Fact]
    public async Task An_empty_database_stays_empty_when_the_seeds_are_refused()
    {
        Break("thirty-third-member");
        var before = await _database.FingerprintAsync();

        await Assert.ThrowsAsync<SeedImportException>(() => Importer.ImportAsync(_seeds));

        Assert.Equal(before, await _database.FingerprintAsync());
        await using var db = _database.CreateDbContext();
        Assert.Equal(0, await db.Members.CountAsync());
    }

    [Fact]
    public async Task A_rejected_entry_is_named_by_index_member_and_proposal()
    {
        Break("unknown-stance");

        var error = await Assert.ThrowsAsync<SeedImportException>(() => Importer.ImportAsync(_seeds));

        Assert.Contains("stances.json: stances[0] (HUN on ukraine-fund): stance: 'blocks' is not a stance code", error.Message);
    }

    private void Break(string breakage)
    {
        switch (breakage)
        {
            case "unknown-member":
                EditFirstStance(s => s["member"] = "XKX");
                break;
            case "unknown-stance":
                EditFirstStance(s => s["stance"] = "blocks");
                break;
            case "conditional-without-conditions":
                EditFirstStance(s =>
                {
                    s["stance"] = "conditional";
                    s.Remove("conditions");
                });
                break;
            case "evidence-without-source":
                EditFirstStance(s => s["evidence"]![0]!["source"] = "");
                break;
            case "evidence-unknown-source":
                EditFirstStance(s => s["evidence"]![0]!["source"] = "no-such-source");
                break;
            case "no-evidence":
                EditFirstStance(s => s["evidence"] = new JsonArray());
                break;
            case "long-excerpt":
                EditFirstStance(s => s["evidence"]![0]!["excerpt"] = string.Join(' ', Enumerable.Repeat("word", 41)));
                break;
            case "future-date":
                EditFirstStance(s => s["effectiveOn"] = "2030-01-01");
                break;
            case "duplicate-stance":
                Edit(SeedImporter.StancesFileName, root => root["stances"]!.AsArray().Add(root["stances"]![0]!.DeepClone()));
                break;
            case "thirty-third-member":
                Edit(SeedImporter.MembersFileName, root => root["members"]!.AsArray().Add(JsonNode.Parse(
                    """{"alpha2": "UA", "alpha3": "UKR", "numeric": "804", "name": "Ukraine", "joined": 2024, "subregion": "Eastern Europe", "eu": false, "b9": false}""")));
                break;
            case "duplicate-member":
                Edit(SeedImporter.MembersFileName, root =>
                {
                    var members = root["members"]!.AsArray();
                    members.Add(members.Single(m => (string?)m!["alpha3"] == "HUN")!.DeepClone());
                });
                break;
            case "bad-alpha3":
                Edit(SeedImporter.MembersFileName, root => root["members"]![0]!["alpha3"] = "alb");
                break;
            case "unknown-source-kind":
                Edit(SeedImporter.SourcesFileName, root => root["sources"]![0]!["kind"] = "rumour");
                break;
            case "ftp-url":
                Edit(SeedImporter.SourcesFileName, root => root["sources"]![0]!["url"] = "ftp://example.org/article");
                break;
            case "duplicate-proposal":
                Edit(SeedImporter.SummitsFileName, root =>
                {
                    var proposals = root["summits"]![0]!["proposals"]!.AsArray();
                    proposals.Add(proposals[0]!.DeepClone());
                });
                break;
            case "summit-ends-before-start":
                Edit(SeedImporter.SummitsFileName, root => root["summits"]![0]!["endsOn"] = "2024-07-01");
                break;
            case "malformed-json":
                File.WriteAllText(Path.Combine(_seeds, SeedImporter.StancesFileName), """{ "stances": [ { "member": "HUN", """);
                break;
            case "wrong-type":
                Edit(SeedImporter.MembersFileName, root => root["members"]![0]!["joined"] = "two thousand and nine");
                break;
            case "missing-property":
                EditFirstStance(s => s.Remove("rationale"));
                break;
            case "unexpected-property":
                EditFirstStance(s => s["stanse"] = "opposes");
                break;
            case "impossible-date":
                EditFirstStance(s => s["effectiveOn"] = "2024-02-30");
                break;
            case "missing-file":
                File.Delete(Path.Combine(_seeds, SeedImporter.SourcesFileName));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(breakage), breakage, "No such breakage in this test.");
        }
    }

    private void EditFirstStance(Action<JsonObject> edit) =>
        Edit(SeedImporter.StancesFileName, root => edit(root["stances"]![0]!.AsObject()));

    private void Edit(string file, Action<JsonNode> edit)
    {
        var path = Path.Combine(_seeds, file);
        var root = JsonNode.Parse(File.ReadAllText(path))!;
        edit(root);
        File.WriteAllText(path, root.ToJsonString());
    }

    private static JsonNode ValidExtraStance() => JsonNode.Parse("""
        {
          "member": "FRA",
          "proposal": "ramstein-coordination",
          "stance": "supports",
          "effectiveOn": "2024-05-01",
          "rationale": "Test entry: a valid addition.",
          "evidence": [ { "source": "icaro-2024-04-stoltenberg-ukraine-fund", "excerpt": "A test excerpt." } ]
        }
        """)!;

    [Fact]
    public async Task The_seeded_proposals_get_their_aliases_once_and_one_an_editor_removed_stays_removed()
    {
        await Importer.ImportAsync(_seeds);
        await using (var db = _database.CreateDbContext())
        {
            var ramstein = await db.ProposalAliases.Where(a => a.Proposal!.Slug == "ramstein-coordination").Select(a => a.Phrase).ToListAsync();
            Assert.Contains("Ramstein", ramstein);
            Assert.All(await db.ProposalAliases.ToListAsync(), a => Assert.Equal(SeedImporter.SeedAuthor, a.AddedBy));
            var removed = await db.ProposalAliases.SingleAsync(a => a.Phrase == "Ramstein");
            removed.RemovedAtUtc = DateTime.UtcNow;
            removed.RemovedBy = "editor@example.org";
            await db.SaveChangesAsync();
        }

        var before = await _database.FingerprintAsync();
        await Importer.ImportAsync(_seeds);

        Assert.Equal(before, await _database.FingerprintAsync());
    }

    [Fact]
    public async Task A_bad_alias_file_is_refused_before_anything_is_written()
    {
        await File.WriteAllTextAsync(Path.Combine(_seeds, SeedAliases.FileName), """{"aliases": {"ukraine-fund": ["the fund", "THE FUND", "x"]}}""");
        var before = await _database.FingerprintAsync();

        var refused = await Assert.ThrowsAsync<SeedImportException>(() => Importer.ImportAsync(_seeds));

        Assert.Equal(2, refused.Errors.Count);
        Assert.Contains(refused.Errors, e => e.Contains("\"THE FUND\"", StringComparison.Ordinal) && e.Contains("already names", StringComparison.Ordinal));
        Assert.Contains(refused.Errors, e => e.Contains("\"x\"", StringComparison.Ordinal));
        Assert.Equal(before, await _database.FingerprintAsync());
    }
}
