using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AllianceTracker.Tests.Features.Accounts;
using AllianceTracker.Tests.Support;
using Xunit.Abstractions;

namespace AllianceTracker.Tests.Hosting;

/// <summary>HTTP as generic clients (monitors, feed readers, caches, generated API clients) expect it (issue 14, item 4).</summary>
public sealed class HttpSemanticsTests(ITestOutputHelper output) : FreshAppTest<AccountsAppFactory>(output)
{
    private static async Task<JsonElement> ProblemOf(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/members/HUN")]
    [InlineData("/feeds/changes.atom")]
    [InlineData("/api/v1/positions")]
    [InlineData("/api/v1/exports/current.xlsx")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/api/v1/changes/stream")]
    public async Task Head_answers_wherever_get_does_with_the_same_headers_and_no_body(string path)
    {
        var client = App.Anonymous();
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));
        using var get = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, path), HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_wrong_method_is_405_naming_the_allowed_ones_and_an_unknown_path_404_whatever_the_method()
    {
        var client = App.Anonymous();
        using var delete = await client.DeleteAsync("/api/v1/positions");
        using var unknown = await client.PostAsync("/api/v1/no-such-thing", JsonContent.Create(new { }));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, delete.StatusCode);
        Assert.Equal(["GET", "HEAD"], delete.Content.Headers.Allow.Order());
        Assert.Contains("GET, HEAD", (await ProblemOf(delete)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("No such API endpoint", (await ProblemOf(unknown)).GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_write_with_a_body_that_is_not_json_is_415()
    {
        var editor = await App.SignedInAsync("Editor");
        using var response = await editor.PostAsync("/api/v1/snapshots", new StringContent("title=x", Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        await ProblemOf(response);
    }

    [Theory]
    [InlineData("/api/v1/positions")]
    [InlineData("/feeds/changes.atom")]
    [InlineData("/openapi/v1.json")]
    public async Task Strong_weak_and_star_if_none_match_all_revalidate_to_304(string path)
    {
        var client = App.Anonymous();
        using var first = await client.GetAsync(path);
        var tag = first.Headers.ETag!.Tag;
        Assert.Equal("no-cache", first.Headers.CacheControl?.ToString());

        foreach (var ifNoneMatch in new[] { tag, $"W/{tag}", "*", $"\"other\", W/{tag}" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
            using var again = await client.SendAsync(request);
            Assert.True(again.StatusCode == HttpStatusCode.NotModified, $"If-None-Match: {ifNoneMatch} gave {(int)again.StatusCode}");
        }

        using var stale = new HttpRequestMessage(HttpMethod.Get, path);
        stale.Headers.TryAddWithoutValidation("If-None-Match", "W/\"something-else\"");
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(stale)).StatusCode);
    }

    [Fact]
    public async Task A_feed_for_a_member_or_proposal_nobody_has_is_404_not_an_empty_feed()
    {
        var client = App.Anonymous();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/feeds/changes.atom?member=XKX")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/feeds/changes.atom?proposal=no-such-proposal")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/feeds/changes.atom?member=HUN")).StatusCode);
    }

    [Fact]
    public async Task Positions_filter_by_member_and_stance_and_refuse_values_nobody_has()
    {
        var client = App.Anonymous();

        var hungary = await client.GetFromJsonAsync<List<JsonElement>>("/api/v1/positions?member=HUN");
        Assert.Equal(3, hungary!.Count);
        Assert.All(hungary, p => Assert.Equal("HUN", p.GetProperty("member").GetString()));
        var opposing = await client.GetFromJsonAsync<List<JsonElement>>("/api/v1/positions?stance=opposes");
        Assert.NotEmpty(opposing!);
        Assert.All(opposing!, p => Assert.Equal("opposes", p.GetProperty("stance").GetString()));

        using var bogus = await client.GetAsync("/api/v1/positions?stance=bogus");
        Assert.Equal(HttpStatusCode.BadRequest, bogus.StatusCode);
        Assert.Contains("supports", (await ProblemOf(bogus)).GetProperty("errors").GetProperty("stance")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/v1/positions?member=XKX")).StatusCode);
    }

    [Fact]
    public async Task Created_resources_are_located_at_an_api_address_that_reads_them_back()
    {
        var editor = await App.SignedInAsync("Editor");
        var cell = await editor.GetFromJsonAsync<JsonElement>("/api/v1/stances/cell?member=EST&proposal=ukraine-fund");
        using var recorded = await editor.PostAsJsonAsync("/api/v1/stances", new
        {
            member = "EST", proposal = "ukraine-fund", stance = "supports", effectiveDate = "2024-06-03", reason = "Location test.",
            expectedVersion = cell.GetProperty("version").ValueKind == JsonValueKind.Null ? (Guid?)null : cell.GetProperty("version").GetGuid(),
            evidence = new[] { new { newSource = new { title = "Location test source", outlet = "Test Wire", kind = "news-report", published = "2024-06-02" }, excerpt = "Estonia backs the fund." } },
        });
        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        var version = (await recorded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetGuid();

        var entry = await App.Anonymous().GetFromJsonAsync<JsonElement>(recorded.Headers.Location!.OriginalString);
        Assert.Equal("EST", entry.GetProperty("member").GetString());
        Assert.Equal("supports", entry.GetProperty("stance").GetString());
        var source = entry.GetProperty("evidence")[0].GetProperty("source");
        // One name for one field: "published" as in the export, "publishedDate" kept for v1 clients.
        Assert.Equal("2024-06-02", source.GetProperty("published").GetString());
        Assert.Equal("2024-06-02", source.GetProperty("publishedDate").GetString());

        using var retracted = await editor.PostAsJsonAsync(recorded.Headers.Location.OriginalString + "/retraction", new { reason = "Location test retraction.", expectedVersion = version });
        Assert.Equal(HttpStatusCode.Created, retracted.StatusCode);
        Assert.Equal(recorded.Headers.Location, retracted.Headers.Location);
        var withRetraction = await App.Anonymous().GetFromJsonAsync<JsonElement>(retracted.Headers.Location!.OriginalString);
        Assert.Equal("Location test retraction.", withRetraction.GetProperty("retraction").GetProperty("reason").GetString());

        using var snapshot = await editor.PostAsJsonAsync("/api/v1/snapshots", new { title = "Location snapshot" });
        Assert.StartsWith("/api/v1/snapshots/", snapshot.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await App.Anonymous().GetAsync(snapshot.Headers.Location)).StatusCode);

        using var added = await editor.PostAsJsonAsync("/api/v1/sources", new { title = "Located source", outlet = "Test Wire", kind = "news-report" });
        var addedSource = await App.Anonymous().GetFromJsonAsync<JsonElement>(added.Headers.Location!.OriginalString);
        Assert.Equal("Located source", addedSource.GetProperty("source").GetProperty("title").GetString());

        using var decided = await editor.PostAsJsonAsync("/api/v1/proposals/ramstein-coordination/outcomes", new
        {
            outcome = "adopted", decidedOn = "2024-07-10",
            evidence = new[] { new { source = "icaro-2024-04-stoltenberg-ukraine-fund", excerpt = "Location test decision." } },
        });
        Assert.Equal(HttpStatusCode.Created, decided.StatusCode);
        var decision = await App.Anonymous().GetFromJsonAsync<JsonElement>(decided.Headers.Location!.OriginalString);
        Assert.Equal("adopted", decision.GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task Refusals_for_want_of_sign_in_or_role_are_problem_details()
    {
        using var anonymous = await App.Anonymous().PostAsJsonAsync("/api/v1/snapshots", new { title = "x" });
        var reader = await App.SignedInAsync(null);
        using var notEditor = await reader.PostAsJsonAsync("/api/v1/snapshots", new { title = "x" });

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("Sign in required", (await ProblemOf(anonymous)).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, notEditor.StatusCode);
        Assert.Equal("Not allowed", (await ProblemOf(notEditor)).GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("{\"title\": ", "$.title")]
    [InlineData("{\"title\": \"x\", \"asOf\": 2024}", "$.asOf")]
    public async Task Json_the_framework_cannot_read_is_the_apps_own_400_with_an_errors_map(string body, string errorKey)
    {
        var editor = await App.SignedInAsync("Editor");
        using var response = await editor.PostAsync("/api/v1/snapshots", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ProblemOf(response);
        Assert.True(problem.GetProperty("errors").TryGetProperty(errorKey, out _), problem.ToString());
        Assert.DoesNotContain("Exception", problem.ToString());
        Assert.DoesNotContain("SnapshotBody", problem.ToString());
    }

    [Fact]
    public async Task A_missing_required_parameter_is_named_in_the_errors_map()
    {
        var editor = await App.SignedInAsync("Editor");
        using var response = await editor.GetAsync("/api/v1/stances/cell?member=HUN");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ProblemOf(response);
        Assert.True(problem.GetProperty("errors").TryGetProperty("proposal", out _), problem.ToString());
        Assert.DoesNotContain("String proposal", problem.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("/members/hun", "/members/HUN")]
    [InlineData("/members/Hun?asOf=2024-06-01", "/members/HUN?asOf=2024-06-01")]
    [InlineData("/proposals/Ukraine-Fund", "/proposals/ukraine-fund")]
    [InlineData("/api/v1/proposals/UKRAINE-FUND", "/api/v1/proposals/ukraine-fund")]
    public async Task Another_spelling_of_a_member_code_or_proposal_slug_redirects_permanently_to_the_canonical_one(string path, string canonical)
    {
        using var response = await App.Anonymous().GetAsync(path);

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(canonical, response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task The_openapi_document_gives_generators_files_problems_security_enums_and_dates()
    {
        var document = await App.Anonymous().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths");

        Assert.DoesNotMatch("/$", document.GetProperty("servers")[0].GetProperty("url").GetString()!);
        foreach (var path in paths.EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                Assert.True(operation.Value.TryGetProperty("summary", out _), $"{operation.Name} {path.Name} has no summary");
                Assert.Contains(operation.Value.GetProperty("responses").EnumerateObject(), r => r.Name.StartsWith('2'));
            }
        }

        var export = paths.GetProperty("/api/v1/exports/current.{format}").GetProperty("get");
        var files = export.GetProperty("responses").GetProperty("200").GetProperty("content");
        Assert.Equal(["application/json", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/csv", "text/markdown"], files.EnumerateObject().Select(c => c.Name).Order());
        Assert.Equal("binary", files.GetProperty("text/csv").GetProperty("schema").GetProperty("format").GetString());
        var parameters = export.GetProperty("parameters").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!, p => p.GetProperty("schema"));
        Assert.Equal(["csv", "json", "xlsx", "md"], parameters["format"].GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["yes", "no"], parameters["eu"].GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("opts-out", parameters["stance"].GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("date", parameters["asOf"].GetProperty("format").GetString());

        var record = paths.GetProperty("/api/v1/stances").GetProperty("post");
        Assert.True(record.GetProperty("security")[0].TryGetProperty("signInCookie", out _));
        var shared = document.GetProperty("components").GetProperty("responses");
        foreach (var status in new[] { "400", "401", "403", "415" })
        {
            // Problems are shared responses (OpenApiComponentsTests): resolve the reference.
            var name = record.GetProperty("responses").GetProperty(status).GetProperty("$ref").GetString()!.Split('/')[^1];
            Assert.True(shared.GetProperty(name).GetProperty("content").TryGetProperty("application/problem+json", out _), status);
        }

        Assert.True(paths.GetProperty("/api/v1/members/{alpha3}").GetProperty("get").GetProperty("responses").TryGetProperty("404", out _));
        Assert.Equal("cookie", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("signInCookie").GetProperty("in").GetString());
        var decisionOutcome = document.GetProperty("components").GetProperty("schemas").GetProperty("DecisionBody").GetProperty("properties").GetProperty("outcome");
        Assert.DoesNotContain("pending", decisionOutcome.GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("adopted", decisionOutcome.GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
    }
}
