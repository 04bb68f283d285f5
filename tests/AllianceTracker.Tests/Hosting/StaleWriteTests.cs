using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AllianceTracker.Tests.Features.Accounts;
using AllianceTracker.Tests.Support;
using Xunit.Abstractions;

namespace AllianceTracker.Tests.Hosting;

/// <summary>
/// Every write names what it was read at, as stances do: a decision, a decision's retraction, a
/// revision of a proposal's texts and a source's correction made on a version another write has
/// moved on is refused — 409 with what is saved now (body field), 412 for a stale If-Match — and
/// nothing is written. The GET's ETag is that version.
/// </summary>
public sealed class StaleWriteTests(ITestOutputHelper output) : FreshAppTest<AccountsAppFactory>(output)
{
    private const string Source = "icaro-2024-04-stoltenberg-ukraine-fund";

    private static object Decision(string outcome, Guid? expectedVersion) => new
    {
        outcome, decidedOn = "2024-07-10", note = "Stale write test.", expectedVersion,
        evidence = new[] { new { source = Source, excerpt = "A stale write test excerpt." } },
    };

    private static object Texts(string title, Guid? expectedVersion) =>
        new { title, description = "A test description.", proposer = "NATO Secretary-General Jens Stoltenberg", expectedVersion };

    private static object Correction(string title, Guid? expectedVersion) => new
    {
        title, outlet = "ICARO Media Group", kind = "news-report", published = "2024-04-03", publishedApproximate = true,
        reason = "Stale write test.", expectedVersion,
    };

    private static async Task<(Guid Version, string ETag)> ReadAsync(HttpClient client, string address)
    {
        var response = await client.GetAsync(address);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("version").GetGuid(), response.Headers.ETag!.Tag);
    }

    private static async Task AssertRefusedWithWhatIsSavedNowAsync(HttpResponseMessage response, HttpStatusCode status, Guid saved)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("after you opened it", problem.GetProperty("detail").GetString());
        Assert.Equal(saved, problem.GetProperty("current").GetProperty("version").GetGuid());
        Assert.Equal($"\"{saved}\"", response.Headers.ETag!.Tag);
    }

    [Fact]
    public async Task The_etag_of_a_proposal_and_of_a_source_is_their_version_and_moves_with_each_write()
    {
        var editor = await App.SignedInAsync("Editor");
        var (version, etag) = await ReadAsync(editor, "/api/v1/proposals/ukraine-fund");
        Assert.Equal($"\"{version}\"", etag);
        var (sourceVersion, sourceTag) = await ReadAsync(editor, $"/api/v1/sources/{Source}");
        Assert.Equal($"\"{sourceVersion}\"", sourceTag);

        Assert.Equal(HttpStatusCode.Created, (await editor.PostAsJsonAsync("/api/v1/proposals/ukraine-fund/outcomes", Decision("dropped", version))).StatusCode);

        var (after, afterTag) = await ReadAsync(editor, "/api/v1/proposals/ukraine-fund");
        Assert.NotEqual(version, after);
        Assert.Equal($"\"{after}\"", afterTag);
        // A conditional read with the old tag gets the new proposal; with the new one, 304.
        var conditional = new HttpRequestMessage(HttpMethod.Get, "/api/v1/proposals/ukraine-fund");
        conditional.Headers.IfNoneMatch.Add(new EntityTagHeaderValue(afterTag));
        Assert.Equal(HttpStatusCode.NotModified, (await editor.SendAsync(conditional)).StatusCode);
    }

    [Fact]
    public async Task A_decision_recorded_on_a_version_another_decision_moved_on_is_a_409_and_not_saved()
    {
        var first = await App.SignedInAsync("Editor");
        var second = await App.SignedInAsync("Editor");
        var (read, _) = await ReadAsync(first, "/api/v1/proposals/membership-invitation");

        var adopted = await first.PostAsJsonAsync("/api/v1/proposals/membership-invitation/outcomes", Decision("adopted", read));
        var dropped = await second.PostAsJsonAsync("/api/v1/proposals/membership-invitation/outcomes", Decision("dropped", read));

        Assert.Equal(HttpStatusCode.Created, adopted.StatusCode);
        var (saved, _) = await ReadAsync(first, "/api/v1/proposals/membership-invitation");
        await AssertRefusedWithWhatIsSavedNowAsync(dropped, HttpStatusCode.Conflict, saved);
        var proposal = await first.GetFromJsonAsync<JsonElement>("/api/v1/proposals/membership-invitation");
        Assert.Equal("adopted", proposal.GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task A_retraction_made_on_a_stale_version_is_a_409_and_the_decision_stands()
    {
        var editor = await App.SignedInAsync("Editor");
        var (read, _) = await ReadAsync(editor, "/api/v1/proposals/ramstein-coordination");
        var created = await editor.PostAsJsonAsync("/api/v1/proposals/ramstein-coordination/outcomes", Decision("adopted", read));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        var stale = await editor.PostAsJsonAsync($"/api/v1/proposals/ramstein-coordination/outcomes/{id}/retraction", new { reason = "Stale.", expectedVersion = read });

        var (saved, _) = await ReadAsync(editor, "/api/v1/proposals/ramstein-coordination");
        await AssertRefusedWithWhatIsSavedNowAsync(stale, HttpStatusCode.Conflict, saved);
        var decision = await editor.GetFromJsonAsync<JsonElement>($"/api/v1/proposals/ramstein-coordination/outcomes/{id}");
        Assert.Equal(JsonValueKind.Null, decision.GetProperty("retraction").ValueKind);
        var current = await editor.PostAsJsonAsync($"/api/v1/proposals/ramstein-coordination/outcomes/{id}/retraction", new { reason = "Made on the version saved now.", expectedVersion = saved });
        Assert.Equal(HttpStatusCode.Created, current.StatusCode);
    }

    [Fact]
    public async Task A_revision_of_the_texts_on_a_stale_version_is_a_409_and_a_stale_if_match_a_412()
    {
        var editor = await App.SignedInAsync("Editor");
        var (read, etag) = await ReadAsync(editor, "/api/v1/proposals/ukraine-fund");
        Assert.Equal(HttpStatusCode.NoContent, (await editor.PutAsJsonAsync("/api/v1/proposals/ukraine-fund", Texts("A €100bn fund for Ukraine", read))).StatusCode);
        var (saved, _) = await ReadAsync(editor, "/api/v1/proposals/ukraine-fund");

        var staleBody = await editor.PutAsJsonAsync("/api/v1/proposals/ukraine-fund", Texts("Overwritten unseen", read));
        var staleHeader = new HttpRequestMessage(HttpMethod.Put, "/api/v1/proposals/ukraine-fund") { Content = JsonContent.Create(Texts("Overwritten unseen", null)) };
        staleHeader.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        var staleIfMatch = await editor.SendAsync(staleHeader);

        await AssertRefusedWithWhatIsSavedNowAsync(staleBody, HttpStatusCode.Conflict, saved);
        await AssertRefusedWithWhatIsSavedNowAsync(staleIfMatch, HttpStatusCode.PreconditionFailed, saved);
        Assert.Equal("A €100bn fund for Ukraine", (await editor.GetFromJsonAsync<JsonElement>("/api/v1/proposals/ukraine-fund")).GetProperty("title").GetString());

        var currentHeader = new HttpRequestMessage(HttpMethod.Put, "/api/v1/proposals/ukraine-fund") { Content = JsonContent.Create(Texts("Made on what is saved", null)) };
        currentHeader.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{saved}\""));
        Assert.Equal(HttpStatusCode.NoContent, (await editor.SendAsync(currentHeader)).StatusCode);
    }

    [Fact]
    public async Task A_source_correction_on_a_stale_version_is_a_409_and_a_malformed_if_match_a_400()
    {
        var editor = await App.SignedInAsync("Editor");
        var (read, _) = await ReadAsync(editor, $"/api/v1/sources/{Source}");
        Assert.Equal(HttpStatusCode.NoContent, (await editor.PutAsJsonAsync($"/api/v1/sources/{Source}", Correction("Stoltenberg pushes for Ukraine support", read))).StatusCode);
        var (saved, _) = await ReadAsync(editor, $"/api/v1/sources/{Source}");

        var stale = await editor.PutAsJsonAsync($"/api/v1/sources/{Source}", Correction("Overwritten unseen", read));
        var weak = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/sources/{Source}") { Content = JsonContent.Create(Correction("Weak", null)) };
        weak.Headers.TryAddWithoutValidation("If-Match", $"W/\"{saved}\"");
        var malformed = await editor.SendAsync(weak);

        await AssertRefusedWithWhatIsSavedNowAsync(stale, HttpStatusCode.Conflict, saved);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.True((await malformed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("If-Match", out _));
        var source = await editor.GetFromJsonAsync<JsonElement>($"/api/v1/sources/{Source}");
        Assert.Equal("Stoltenberg pushes for Ukraine support", source.GetProperty("source").GetProperty("title").GetString());
    }

    [Fact]
    public async Task Ten_decisions_sent_at_once_on_one_version_record_one()
    {
        var editors = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => App.SignedInAsync("Editor")));
        var (read, _) = await ReadAsync(editors[0], "/api/v1/proposals/ukraine-fund");

        var answers = await Task.WhenAll(editors.Select((editor, i) => editor.PostAsJsonAsync("/api/v1/proposals/ukraine-fund/outcomes", Decision(i % 2 == 0 ? "adopted" : "dropped", read))));

        // One wins; the rest are told someone came first (or, while the database is locked, to try again).
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.Created), a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.Conflict, HttpStatusCode.ServiceUnavailable }));
        var decisions = await editors[0].GetFromJsonAsync<JsonElement>("/api/v1/proposals/ukraine-fund");
        Assert.NotEqual("pending", decisions.GetProperty("outcome").GetString());
    }
}
