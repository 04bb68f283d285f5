using System.Net;
using System.Net.Http.Json;
using System.Net.ServerSentEvents;
using AllianceTracker.Tests.Features.Accounts;
using AllianceTracker.Tests.Support;
using AllianceTracker.Web.Features.Live;
using AllianceTracker.Web.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace AllianceTracker.Tests.Features.Live;

/// <summary>The app with small stream limits (3 per client address, 6 in all), each request from the address it names.</summary>
public sealed class SmallStreamLimitsAppFactory : AccountsAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Live:StreamsPerClient", "3");
        builder.UseSetting("Live:StreamCeiling", "6");
        builder.UseSetting("Live:RetryAfterSeconds", "20");
    }
}

/// <summary>
/// A flood of live streams cannot take the app down: past the per-address or per-instance limit a
/// stream is refused with 503 and Retry-After, while pages, saves and the streams already open go on.
/// </summary>
public sealed class StreamLimitTests(ITestOutputHelper output) : FreshAppTest<SmallStreamLimitsAppFactory>(output)
{
    private readonly List<HttpResponseMessage> _open = [];

    private async Task<HttpResponseMessage> OpenFromAsync(string address)
    {
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Add(AccountsAppFactory.ClientAddressHeader, address);
        var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/v1/changes/stream"), HttpCompletionOption.ResponseHeadersRead);
        _open.Add(response);
        return response;
    }

    [Fact]
    public async Task Past_the_per_address_and_the_per_instance_limits_a_stream_is_refused_and_everything_else_goes_on()
    {
        var first = new List<HttpResponseMessage>();
        for (var i = 0; i < 3; i++)
        {
            first.Add(await OpenFromAsync("203.0.113.1"));
        }

        Assert.All(first, stream => Assert.Equal(HttpStatusCode.OK, stream.StatusCode));

        // A fourth from the same address: refused, told when to come back, as problem details.
        var fourth = await OpenFromAsync("203.0.113.1");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, fourth.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(20), fourth.Headers.RetryAfter?.Delta);
        Assert.Equal("application/problem+json", fourth.Content.Headers.ContentType?.MediaType);
        Assert.Contains("already follows 3 live streams", await fourth.Content.ReadAsStringAsync());

        // Others fill the instance to its ceiling; then nobody new gets one.
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await OpenFromAsync($"198.51.100.{i + 1}")).StatusCode);
        }

        var full = await OpenFromAsync("192.0.2.77");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, full.StatusCode);
        Assert.Contains("as many live streams as it can hold", await full.Content.ReadAsStringAsync());
        Assert.Equal(6, App.Services.GetRequiredService<LiveStreamLimits>().Open);

        // Meanwhile pages and the API answer, a save is taken, and an open stream hears it.
        var events = SseParser.Create(await first[0].Content.ReadAsStreamAsync()).EnumerateAsync().GetAsyncEnumerator();
        Assert.Equal(HttpStatusCode.OK, (await App.Anonymous().GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await App.Anonymous().GetAsync("/api/v1/positions")).StatusCode);
        var editor = await App.SignedInAsync("Editor");
        var saved = await editor.PostAsJsonAsync("/api/v1/stances", new
        {
            member = "FRA", proposal = "ukraine-fund", stance = "supports", effectiveDate = "2024-06-01", reason = "Saved during a stream flood.",
            evidence = new[] { new { source = "icaro-2024-04-stoltenberg-ukraine-fund", excerpt = "A flood test excerpt." } },
        });
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        using var ceiling = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        Assert.True(await events.MoveNextAsync().AsTask().WaitAsync(ceiling.Token));
        Assert.Equal("change", events.Current.EventType);

        // A stream that ends gives its place back.
        first[1].Dispose();
        await WaitUntilAsync(() => App.Services.GetRequiredService<LiveStreamLimits>().Open == 5);
        Assert.Equal(HttpStatusCode.OK, (await OpenFromAsync("192.0.2.77")).StatusCode);
    }

    [Fact]
    public void An_ipv6_client_is_counted_by_its_64_and_an_ipv4_mapped_one_as_itself()
    {
        var limits = new LiveStreamLimits(Microsoft.Extensions.Options.Options.Create(new LiveStreamOptions { StreamsPerClient = 2, StreamCeiling = 100 }));

        Assert.Equal(StreamRefusal.None, limits.TryOpen(IPAddress.Parse("2001:db8:1:2::1"), out _));
        Assert.Equal(StreamRefusal.None, limits.TryOpen(IPAddress.Parse("2001:db8:1:2::ffff"), out _));
        Assert.Equal(StreamRefusal.TooManyFromThisClient, limits.TryOpen(IPAddress.Parse("2001:db8:1:2:abcd::9"), out _));
        Assert.Equal(StreamRefusal.None, limits.TryOpen(IPAddress.Parse("2001:db8:1:3::1"), out _));
        Assert.Equal(StreamRefusal.None, limits.TryOpen(IPAddress.Parse("::ffff:192.0.2.1"), out _));
        Assert.Equal(StreamRefusal.None, limits.TryOpen(IPAddress.Parse("192.0.2.1"), out var lease));
        Assert.Equal(StreamRefusal.TooManyFromThisClient, limits.TryOpen(IPAddress.Parse("192.0.2.1"), out _));
        lease.Dispose();
        lease.Dispose();
        Assert.Equal(StreamRefusal.None, limits.TryOpen(IPAddress.Parse("192.0.2.1"), out _));
    }

    [Theory]
    [InlineData("Max open files            20000                20000                files", 10_000, null)]
    [InlineData("Max open files            1024                 1024                 files", 10_000, "The open-file limit is 1024 (hard limit 1024), but Live:StreamCeiling = 10000 needs about 12000")]
    [InlineData("Max open files            unlimited            unlimited            files", 10_000, null)]
    public void The_app_refuses_to_start_when_its_open_file_limit_cannot_hold_the_stream_ceiling(string line, int ceiling, string? problem)
    {
        var limits = OpenFileLimit.Parse($"Limit                     Soft Limit           Hard Limit           Units\n{line}\n")!.Value;

        var found = OpenFileLimit.Problem(limits.Soft, limits.Hard, (ulong)ceiling + OpenFileLimit.Headroom, ceiling);

        if (problem is null)
        {
            Assert.Null(found);
        }
        else
        {
            Assert.StartsWith(problem, found);
            Assert.Contains("LimitNOFILE", found);
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var until = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < until, "the condition did not come true within 10 s");
            await Task.Delay(20);
        }
    }

    public override async Task DisposeAsync()
    {
        _open.ForEach(response => response.Dispose());
        await base.DisposeAsync();
    }
}
