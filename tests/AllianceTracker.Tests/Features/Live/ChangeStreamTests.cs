using System.IO.Pipelines;
using System.Net.ServerSentEvents;
using System.Text.Json;
using AllianceTracker.Tests.Shared;
using AllianceTracker.Tests.Support;
using AllianceTracker.Web.Domain;
using AllianceTracker.Web.Features.History;
using AllianceTracker.Web.Features.Live;
using AllianceTracker.Web.Features.Stances;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace AllianceTracker.Tests.Features.Live;

/// <summary>The change stream over HTTP, against the running app.</summary>
public sealed class ChangeStreamTests(ITestOutputHelper output) : FreshAppTest(output)
{
    private async Task<IAsyncEnumerator<SseItem<string>>> OpenAsync(string query = "", string? lastEventId = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/changes/stream" + query);
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }

        var response = await App.CreateClient().SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var stream = await response.Content.ReadAsStreamAsync();
        return SseParser.Create(stream).EnumerateAsync().GetAsyncEnumerator();
    }

    private static async Task<SseItem<string>> NextEventAsync(IAsyncEnumerator<SseItem<string>> events)
    {
        using var ceiling = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        // An id-only block (no data) moves the last event id without being an event; the parser skips it.
        Assert.True(await events.MoveNextAsync().AsTask().WaitAsync(ceiling.Token), "the stream ended");
        return events.Current;
    }

    private async Task<RecordedStance> RecordAsync(string member)
    {
        var recorder = App.Services.GetRequiredService<StanceRecorder>();
        var cell = await recorder.GetCellAsync(member, "ukraine-fund");
        return await recorder.RecordAsync(TestEditors.Editor(), new StanceChangeInput(
            member, "ukraine-fund", Stance.Supports, null, new DateOnly(2024, 6, 1), "Stream test.",
            [new EvidenceInput("icaro-2024-04-stoltenberg-ukraine-fund", "A stream test excerpt.")], cell.Version));
    }

    private long Version => App.Services.GetRequiredService<IStanceChangeNotifier>().Version;

    [Fact]
    public async Task A_committed_change_arrives_as_a_change_event_with_its_version_and_cells()
    {
        var events = await OpenAsync();

        await RecordAsync("FRA");

        var change = await NextEventAsync(events);
        Assert.Equal("change", change.EventType);
        Assert.Equal(Version.ToString(System.Globalization.CultureInfo.InvariantCulture), change.EventId);
        var data = JsonDocument.Parse(change.Data).RootElement;
        Assert.Equal(Version, data.GetProperty("version").GetInt64());
        var cell = Assert.Single(data.GetProperty("cells").EnumerateArray().ToList());
        Assert.Equal(("FRA", "ukraine-fund"), (cell.GetProperty("member").GetString(), cell.GetProperty("proposal").GetString()));
    }

    [Fact]
    public async Task A_listener_that_comes_back_gets_what_it_missed_first()
    {
        var seen = Version;
        await RecordAsync("FRA");
        await RecordAsync("DEU");

        var fromQuery = await OpenAsync($"?since={seen}");
        var fromHeader = await OpenAsync("?since=0", lastEventId: (seen + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(["FRA", "DEU"], [Member(await NextEventAsync(fromQuery)), Member(await NextEventAsync(fromQuery))]);
        Assert.Equal("DEU", Member(await NextEventAsync(fromHeader)));
    }

    [Fact]
    public async Task A_listener_from_a_version_this_server_never_had_is_told_to_resync()
    {
        var events = await OpenAsync("?since=999999");

        var resync = await NextEventAsync(events);

        Assert.Equal("resync", resync.EventType);
        Assert.Equal(Version, JsonDocument.Parse(resync.Data).RootElement.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task A_stream_ends_after_its_drawn_lifetime_with_a_reconnect_event_and_a_short_retry_so_readers_spread_again()
    {
        // Lifetimes of 1–1.5 s instead of 10–20 minutes.
        using var app = new AllianceAppFactory { Settings = new Dictionary<string, string> { ["Live:ShortestLifetime"] = "00:00:01", ["Live:LongestLifetime"] = "00:00:01.500" } };
        var response = await app.CreateClient().GetAsync("/api/v1/changes/stream", HttpCompletionOption.ResponseHeadersRead);
        var text = new StreamReader(await response.Content.ReadAsStreamAsync());
        var opened = System.Diagnostics.Stopwatch.StartNew();

        using var ceiling = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var all = await text.ReadToEndAsync(ceiling.Token);

        Assert.InRange(opened.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(5));
        var ending = all[all.LastIndexOf("retry:", StringComparison.Ordinal)..];
        var retry = int.Parse(ending.Split('\n')[0]["retry: ".Length..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retry, 200, 2000);
        Assert.Contains("event: reconnect\ndata: {\"reason\":\"lifetime\"}", ending);
    }

    [Fact]
    public async Task The_stream_is_in_the_openapi_document_as_an_event_stream()
    {
        var document = JsonDocument.Parse(await App.CreateClient().GetStringAsync("/openapi/v1.json")).RootElement;

        var operation = document.GetProperty("paths").GetProperty("/api/v1/changes/stream").GetProperty("get");
        Assert.True(operation.GetProperty("responses").GetProperty("200").GetProperty("content").TryGetProperty("text/event-stream", out _));
    }

    private static string Member(SseItem<string> change) =>
        JsonDocument.Parse(change.Data).RootElement.GetProperty("cells")[0].GetProperty("member").GetString()!;
}

/// <summary>The stream's writer on its own, with a heartbeat short enough to watch.</summary>
public sealed class ChangeStreamHeartbeatTests
{
    [Fact]
    public async Task A_quiet_stream_sends_heartbeat_comments()
    {
        var notifier = new InProcessStanceChangeNotifier(NullLogger<InProcessStanceChangeNotifier>.Instance);
        var pipe = new Pipe();
        using var stop = new CancellationTokenSource();
        var context = new DefaultHttpContext { RequestAborted = stop.Token };
        context.Response.Body = pipe.Writer.AsStream();

        var streaming = new ChangeStreamResult(notifier, null, new StreamEnding(TimeSpan.FromMilliseconds(50), Timeout.InfiniteTimeSpan, CancellationToken.None), lease: null).ExecuteAsync(context);
        var text = "";
        using var reader = new StreamReader(pipe.Reader.AsStream());
        using var ceiling = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!text.Contains(": heartbeat\n\n: heartbeat\n\n", StringComparison.Ordinal))
        {
            var buffer = new char[256];
            var read = await reader.ReadAsync(buffer, ceiling.Token);
            text += new string(buffer, 0, read);
        }

        await stop.CancelAsync();
        await streaming;
        Assert.StartsWith("retry: 3000\n\nid: 0\n\n", text);
    }
}
