using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AllianceTracker.Tests.Features.Accounts;
using AllianceTracker.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace AllianceTracker.Tests.Features.Proposals;

/// <summary>
/// A summit's decision on a proposal is evidence-backed history: from its date it is the
/// proposal's status everywhere (API, pages, exports, feed, audit), and a wrong one is retracted.
/// </summary>
public sealed class DecisionsTests(ITestOutputHelper output) : FreshAppTest<AccountsAppFactory>(output)
{
    private const string Declaration = "The Allies decided to establish NATO Security Assistance and Training for Ukraine.";

    private static object NewDeclaration(string excerpt = Declaration) => new
    {
        newSource = new { title = "Washington Summit Declaration", outlet = "NATO", publishedDate = "2024-07-10", kind = "declaration", url = "https://www.nato.int/cps/en/natohq/official_texts_227678.htm" },
        excerpt,
    };

    private static Task<HttpResponseMessage> DecideAsync(HttpClient editor, string slug, string outcome, string decidedOn, string? note = null, object[]? evidence = null, string? replacedBy = null) =>
        editor.PostAsJsonAsync($"/api/v1/proposals/{slug}/outcomes", new { outcome, decidedOn, note, evidence = evidence ?? [NewDeclaration()], replacedBy });

    private async Task<JsonElement> ConsensusAsync(string slug, string? asOf = null) =>
        (await App.Anonymous().GetFromJsonAsync<List<JsonElement>>($"/api/v1/consensus{(asOf is null ? "" : $"?asOf={asOf}")}"))!
            .Single(c => c.GetProperty("proposal").GetString() == slug);

    // The consensus card of one proposal: from its opening tag to the next card (or the end).
    private static string CardOf(string html, string slug)
    {
        var start = html.IndexOf($"consensus-card\" data-proposal=\"{slug}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No card for {slug}.");
        var end = html.IndexOf("consensus-card\" data-proposal=", start + 1, StringComparison.Ordinal);
        return end < 0 ? html[start..] : html[start..end];
    }

    [Fact]
    public async Task From_its_date_a_decision_is_the_status_with_its_evidence_and_before_it_the_members_count_decides()
    {
        var editor = await App.SignedInAsync("Editor");

        var response = await DecideAsync(editor, "ukraine-fund", "dropped", "2024-07-10", note: "Replaced in the declaration by a pledge of €40bn for the coming year.");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64() > 0);
        var after = await ConsensusAsync("ukraine-fund");
        Assert.Equal("dropped", after.GetProperty("status").GetString());
        var decision = after.GetProperty("decision");
        Assert.Equal("2024-07-10", decision.GetProperty("decidedOn").GetString());
        Assert.Equal(Declaration, decision.GetProperty("evidence")[0].GetProperty("excerpt").GetString());
        Assert.Equal("declaration", decision.GetProperty("evidence")[0].GetProperty("source").GetProperty("kind").GetString());
        Assert.Equal(1, after.GetProperty("counts").GetProperty("opposes").GetInt32());
        var before = await ConsensusAsync("ukraine-fund", "2024-07-09");
        Assert.Equal("blocked", before.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, before.GetProperty("decision").ValueKind);
    }

    [Fact]
    public async Task Pages_show_the_decision_and_never_call_a_decided_proposal_blocked()
    {
        var editor = await App.SignedInAsync("Editor");
        await DecideAsync(editor, "ukraine-fund", "dropped", "2024-07-10", note: "Not in the declaration.");

        var dashboard = await App.Anonymous().GetStringAsync("/");
        var proposal = await App.Anonymous().GetStringAsync("/proposals/ukraine-fund");
        var hungary = await App.Anonymous().GetStringAsync("/members/HUN");

        Assert.Contains("data-status=\"dropped\"", dashboard);
        Assert.DoesNotContain("Blocked by Hungary", CardOf(dashboard, "ukraine-fund"));
        Assert.Contains("Dropped on 10 July 2024", proposal);
        Assert.Contains(Declaration, proposal);
        Assert.Contains("Not in the declaration.", proposal);
        Assert.Contains("Hungary opposes — proposal dropped on 10 July 2024", hungary);
        var beforeSummit = await App.Anonymous().GetStringAsync("/?asOf=2024-07-01");
        Assert.Contains("Blocked by Hungary", CardOf(beforeSummit, "ukraine-fund"));
    }

    [Fact]
    public async Task A_wrongly_dated_decision_is_corrected_by_retracting_it_and_both_stay_in_the_audit_trail_and_feed()
    {
        var editor = await App.SignedInAsync("Editor");
        var wrong = await (await DecideAsync(editor, "ramstein-coordination", "dropped", "2024-07-12")).Content.ReadFromJsonAsync<JsonElement>();
        await DecideAsync(editor, "ramstein-coordination", "adopted", "2024-07-10");
        Assert.Equal("dropped", (await ConsensusAsync("ramstein-coordination")).GetProperty("status").GetString());

        var retraction = await editor.PostAsJsonAsync($"/api/v1/proposals/ramstein-coordination/outcomes/{wrong.GetProperty("id").GetInt64()}/retraction", new { reason = "Wrong date and outcome: the declaration adopted it on 10 July." });

        Assert.Equal(HttpStatusCode.Created, retraction.StatusCode);
        Assert.Equal("adopted", (await ConsensusAsync("ramstein-coordination")).GetProperty("status").GetString());
        var again = await editor.PostAsJsonAsync($"/api/v1/proposals/ramstein-coordination/outcomes/{wrong.GetProperty("id").GetInt64()}/retraction", new { reason = "Twice." });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        var audit = await editor.GetStringAsync("/audit?proposal=ramstein-coordination");
        Assert.Contains("Wrong date and outcome", audit);
        Assert.Contains("2 decisions", audit);
        var feed = await App.Anonymous().GetStringAsync("/feeds/changes.atom?proposal=ramstein-coordination");
        Assert.Contains("Retracted decision:", feed);
        Assert.Contains("adopted on 10 July 2024", feed);
    }

    [Theory]
    [InlineData("pending", "2024-07-10", null, "outcome")]
    [InlineData("sort-of", "2024-07-10", null, "outcome")]
    [InlineData("adopted", "2027-01-01", null, "decidedOn")]
    [InlineData("adopted", "10/07/2024", null, "decidedOn")]
    [InlineData("replaced", "2024-07-10", null, "replacedBy")]
    [InlineData("replaced", "2024-07-10", "no-such-proposal", "replacedBy")]
    [InlineData("adopted", "2024-07-10", "ramstein-coordination", "replacedBy")]
    public async Task A_decision_that_breaks_a_rule_is_refused_at_its_field_and_nothing_is_written(string outcome, string decidedOn, string? replacedBy, string field)
    {
        var editor = await App.SignedInAsync("Editor");

        var response = await DecideAsync(editor, "ukraine-fund", outcome, decidedOn, replacedBy: replacedBy);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Equal("blocked", (await ConsensusAsync("ukraine-fund")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_decision_needs_evidence_with_a_verbatim_excerpt_and_a_note_of_at_most_1000_characters()
    {
        var editor = await App.SignedInAsync("Editor");

        var noEvidence = await DecideAsync(editor, "ukraine-fund", "adopted", "2024-07-10", evidence: []);
        var noExcerpt = await DecideAsync(editor, "ukraine-fund", "adopted", "2024-07-10", evidence: [NewDeclaration("")]);
        var longNote = await DecideAsync(editor, "ukraine-fund", "adopted", "2024-07-10", note: new string('x', 1001));
        var unknownSource = await DecideAsync(editor, "ukraine-fund", "adopted", "2024-07-10", evidence: [new { source = "no-such-source", excerpt = "Words." }]);

        Assert.True((await noEvidence.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("evidence", out _));
        Assert.True((await noExcerpt.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("evidence[0].excerpt", out _));
        Assert.True((await longNote.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("note", out _));
        Assert.True((await unknownSource.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("evidence[0].source", out _));
    }

    [Fact]
    public async Task A_replaced_proposal_names_its_replacement_and_every_export_format_tells_the_decision()
    {
        var editor = await App.SignedInAsync("Editor");
        await editor.PostAsJsonAsync("/api/v1/proposals", new
        {
            slug = "ukraine-pledge-40bn", summitSlug = "washington-2024", title = "Long-term security assistance pledge of €40bn",
            description = "A minimum baseline of €40bn within the next year.", proposer = "Allies at the Washington summit", tabledOn = "2024-07-10",
        });

        var replaced = await DecideAsync(editor, "ukraine-fund", "replaced", "2024-07-10", note: "Replaced by a one-year €40bn pledge.", replacedBy: "ukraine-pledge-40bn");

        Assert.Equal(HttpStatusCode.Created, replaced.StatusCode);
        Assert.Equal("ukraine-pledge-40bn", (await ConsensusAsync("ukraine-fund")).GetProperty("decision").GetProperty("replacedBy").GetString());
        var csv = await App.Anonymous().GetStringAsync("/api/v1/exports/current.csv");
        var markdown = await App.Anonymous().GetStringAsync("/api/v1/exports/current.md");
        var json = await App.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/exports/current.json");
        Assert.Contains("proposal_status", csv.Split('\n')[0]);
        Assert.Contains(",replaced,2024-07-10,Replaced by a one-year €40bn pledge.", csv);
        Assert.Contains("**REPLACED** on 2024-07-10, replaced by Long-term security assistance pledge of €40bn", markdown);
        Assert.Contains($"> {Declaration}", markdown);
        Assert.Equal("replaced", json.GetProperty("consensus").EnumerateArray().Single(c => c.GetProperty("proposal").GetString() == "ukraine-fund").GetProperty("status").GetString());
        Assert.Contains(json.GetProperty("sources").EnumerateArray(), s => s.GetProperty("kind").GetString() == "declaration");
    }

    [Fact]
    public async Task A_snapshot_frozen_after_a_decision_carries_it_and_verifies()
    {
        var editor = await App.SignedInAsync("Editor");
        await DecideAsync(editor, "ukraine-fund", "dropped", "2024-07-10");

        var response = await editor.PostAsJsonAsync("/api/v1/snapshots", new { title = "After the summit", note = "Decision test." });
        var snapshot = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = snapshot.GetProperty("id").GetString();

        var fetched = await App.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/snapshots/{id}");
        Assert.True(fetched.GetProperty("hashVerifies").GetBoolean());
        var page = await App.Anonymous().GetStringAsync($"/snapshots/{id}");
        Assert.Contains("Dropped on 10 July 2024", CardOf(page, "ukraine-fund"));
        Assert.DoesNotContain("Blocked by Hungary", CardOf(page, "ukraine-fund"));
    }

    [Fact]
    public async Task A_snapshot_frozen_as_version_1_before_decisions_existed_still_verifies_and_renders()
    {
        // A version 1 document, as frozen before this change: no version 2 fields at all.
        var current = System.Text.Json.Nodes.JsonNode.Parse(await App.Anonymous().GetStringAsync("/api/v1/exports/current.json?asOf=2024-07-01"))!;
        current["version"] = 1;
        foreach (var proposal in current["proposals"]!.AsArray())
        {
            proposal!.AsObject().Remove("position");
            proposal.AsObject().Remove("decision");
        }

        foreach (var position in current["positions"]!.AsArray())
        {
            position!.AsObject().Remove("effectiveDateApproximate");
        }

        var content = current.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(content)));
        var factory = App.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Web.Data.AllianceDbContext>>();
        await using (var db = await factory.CreateDbContextAsync())
        {
            db.Snapshots.Add(new Web.Domain.Snapshot
            {
                Id = "v1frozen22", Title = "Frozen as version 1", AsOf = new DateOnly(2024, 7, 1), CreatedAtUtc = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
                CreatedBy = "seed", Content = content, Sha256 = sha,
            });
            await db.SaveChangesAsync();
        }

        var fetched = await App.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/snapshots/v1frozen22");
        var page = await App.Anonymous().GetStringAsync("/snapshots/v1frozen22");

        Assert.True(fetched.GetProperty("hashVerifies").GetBoolean());
        Assert.Contains("Verified: the content matches its hash", page);
        Assert.Contains("Blocked by Hungary", CardOf(page, "ukraine-fund"));
    }
}
