using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AllianceTracker.Tests.Features.Accounts;
using AllianceTracker.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace AllianceTracker.Tests.Features.Positions;

public sealed class ApiContractTests(ITestOutputHelper output) : FreshAppTest<AccountsAppFactory>(output)
{
    [Fact]
    public async Task The_openapi_document_lists_every_api_endpoint()
    {
        var document = await App.Anonymous().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var documented = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(method => $"{method.Name.ToUpperInvariant()} {path.Name}"))
            .ToHashSet();

        var endpoints = App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } route && (route.StartsWith("/api/v1", StringComparison.Ordinal) || route.StartsWith("/feeds", StringComparison.Ordinal)))
            .Where(e => !e.RoutePattern.RawText!.Contains("{**", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => $"{m} {Normalise(e.RoutePattern.RawText!)}"))
            .ToList();

        Assert.NotEmpty(endpoints);
        Assert.All(endpoints, endpoint => Assert.Contains(endpoint, documented));
        Assert.Equal("AllianceTracker API", document.GetProperty("info").GetProperty("title").GetString());
    }

    [Fact]
    public async Task The_api_reference_page_is_served()
    {
        var client = App.CreateClient();

        var response = await client.GetAsync("/scalar/v1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("openapi/v1.json", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Get_responses_carry_an_etag_and_an_unchanged_resource_answers_304()
    {
        var client = App.Anonymous();
        var first = await client.GetAsync("/api/v1/members");
        var tag = first.Headers.ETag;
        Assert.NotNull(tag);

        var again = new HttpRequestMessage(HttpMethod.Get, "/api/v1/members");
        again.Headers.IfNoneMatch.Add(tag!);
        var revalidated = await client.SendAsync(again);

        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        Assert.Empty(await revalidated.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_stance_change_gives_the_positions_a_new_etag()
    {
        var client = App.Anonymous();
        var before = (await client.GetAsync("/api/v1/positions?proposal=ramstein-coordination")).Headers.ETag!;
        var editor = await App.SignedInAsync("Editor");
        await editor.PostAsJsonAsync("/api/v1/stances", new
        {
            member = "SVN", proposal = "ramstein-coordination", stance = "supports", effectiveDate = "2024-06-01", reason = "ETag test.",
            evidence = new[] { new { source = "icaro-2024-04-stoltenberg-ukraine-fund", excerpt = "ETag test excerpt." } },
        });

        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/positions?proposal=ramstein-coordination");
        request.Headers.IfNoneMatch.Add(before);
        var after = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(before, after.Headers.ETag);
    }

    [Fact]
    public async Task Members_and_proposals_are_listed_with_their_codes()
    {
        var client = App.Anonymous();

        var members = await client.GetFromJsonAsync<List<JsonElement>>("/api/v1/members");
        var lowerCase = await client.GetAsync("/api/v1/members/hun?x=1");
        var hungary = await client.GetFromJsonAsync<JsonElement>("/api/v1/members/HUN");
        var proposal = await client.GetFromJsonAsync<JsonElement>("/api/v1/proposals/ukraine-fund");
        var missing = await client.GetAsync("/api/v1/members/XKX");

        Assert.Equal(32, members!.Count);
        // One address per member: another spelling of the code redirects permanently, query kept.
        Assert.Equal(HttpStatusCode.MovedPermanently, lowerCase.StatusCode);
        Assert.Equal("/api/v1/members/HUN?x=1", lowerCase.Headers.Location?.OriginalString);
        Assert.Equal("348", hungary.GetProperty("numeric").GetString());
        Assert.True(hungary.GetProperty("b9").GetBoolean());
        Assert.Equal("washington-2024", proposal.GetProperty("summit").GetString());
        Assert.Equal("pending", proposal.GetProperty("outcome").GetString());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
    }

    // Route templates carry constraints ({id:long}); the OpenAPI document does not.
    private static string Normalise(string route) =>
        System.Text.RegularExpressions.Regex.Replace(route, @"\{(\w+):[^}]+\}", "{$1}").TrimEnd('/');
}
