using System.Net;
using System.Net.Http.Headers;
using AllianceTracker.Tests.Shared;
using AllianceTracker.Tests.Support;

namespace AllianceTracker.Tests.Hosting;

/// <summary>
/// Another site's script may read what every reader may (CORS on GETs of the API, stream, exports
/// and feeds), never with credentials, and may not write. Reads only: one app for the class.
/// </summary>
public sealed class OpenReadAccessTests(AllianceAppFactory app) : IClassFixture<AllianceAppFactory>
{
    private const string Newsroom = "https://news.example.org";

    [Theory]
    [InlineData("/api/v1/positions")]
    [InlineData("/api/v1/consensus")]
    [InlineData("/api/v1/exports/current.csv")]
    [InlineData("/feeds/changes.atom")]
    public async Task Another_site_may_read_and_see_the_etag(string address)
    {
        var response = await app.Anonymous().SendAsync(FromNewsroom(HttpMethod.Get, address));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("*", Single(response, "Access-Control-Allow-Origin"));
        Assert.Contains("ETag", Single(response, "Access-Control-Expose-Headers"), StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Credentials"));
    }

    [Fact]
    public async Task Another_site_may_follow_the_change_stream()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        using var response = await app.Anonymous().SendAsync(FromNewsroom(HttpMethod.Get, "/api/v1/changes/stream"), HttpCompletionOption.ResponseHeadersRead, cancel.Token);

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("*", Single(response, "Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task A_preflight_for_a_resumed_stream_is_granted()
    {
        var preflight = FromNewsroom(HttpMethod.Options, "/api/v1/changes/stream");
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        preflight.Headers.Add("Access-Control-Request-Headers", "last-event-id");

        var response = await app.Anonymous().SendAsync(preflight);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("*", Single(response, "Access-Control-Allow-Origin"));
        Assert.Contains("Last-Event-ID", Single(response, "Access-Control-Allow-Headers"), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_preflight_for_a_write_is_not_granted()
    {
        var preflight = FromNewsroom(HttpMethod.Options, "/api/v1/stances");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "content-type,x-requested-with");

        var response = await app.Anonymous().SendAsync(preflight);

        var allowed = response.Headers.TryGetValues("Access-Control-Allow-Methods", out var methods) ? string.Join(',', methods) : "";
        Assert.DoesNotContain("POST", allowed, StringComparison.OrdinalIgnoreCase);
        Assert.False(response.Headers.TryGetValues("Access-Control-Allow-Headers", out var headers) && string.Join(',', headers).Contains("x-requested-with", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/proposals/ukraine-fund")]
    public async Task Pages_carry_no_cors_headers(string address)
    {
        var response = await app.Anonymous().SendAsync(FromNewsroom(HttpMethod.Get, address));

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task A_write_from_another_site_gets_no_cors_header()
    {
        var write = FromNewsroom(HttpMethod.Post, "/api/v1/stances");
        write.Content = new StringContent("{}", new MediaTypeHeaderValue("application/json"));

        var response = await app.Anonymous().SendAsync(write);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    private static HttpRequestMessage FromNewsroom(HttpMethod method, string address)
    {
        var request = new HttpRequestMessage(method, address);
        request.Headers.Add("Origin", Newsroom);
        return request;
    }

    private static string Single(HttpResponseMessage response, string header) =>
        string.Join(',', response.Headers.TryGetValues(header, out var values) ? values : []);
}
