using System.Text;
using System.Text.Json;
using AllianceTracker.Web.Api;
using AllianceTracker.Web.Features.History;
using Microsoft.AspNetCore.Http.Features;

namespace AllianceTracker.Web.Features.Live;

/// <summary>
/// Writes the change stream by hand: the format is a few lines of text, and the heartbeat must be
/// an SSE comment, which <c>TypedResults.ServerSentEvents</c> cannot write (ADR 0011).
/// </summary>
internal sealed class ChangeStreamResult(IStanceChangeNotifier notifier, long? resumeFrom, StreamEnding ending, IDisposable? lease, LiveMetrics? metrics = null) : IResult
{
    public async Task ExecuteAsync(HttpContext context)
    {
        // The stream's place under the limits (LiveStreamLimits), given back however it ends.
        using var place = lease;
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        // nginx buffers proxied responses unless told not to; a stream must go out as it is written.
        response.Headers["X-Accel-Buffering"] = "no";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        if (HeadRequests.Is(context))
        {
            // HEAD: the headers a stream would start with, and no stream to hold open.
            return;
        }

        var stream = new EventWriter(response, metrics, context.RequestAborted);
        IDisposable subscription;
        await stream.Gate.WaitAsync(context.RequestAborted);
        try
        {
            // Subscribed before catching up, and both under the writer's lock: a change published
            // meanwhile is written once, after the ones it follows.
            subscription = notifier.Subscribe(stream.SendAsync);
            await stream.CatchUpAsync(notifier, resumeFrom);
        }
        finally
        {
            stream.Gate.Release();
        }

        using (subscription)
        {
            // Held until the reader goes, the instance stops, or the stream's lifetime is up.
            using var ends = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, ending.Stopping);
            ends.CancelAfter(ending.Lifetime);
            try
            {
                while (!ends.IsCancellationRequested)
                {
                    await Task.Delay(ending.HeartbeatEvery, ends.Token);
                    await stream.HeartbeatAsync();
                }
            }
            catch (OperationCanceledException)
            {
                // One of the three.
            }

            if (!context.RequestAborted.IsCancellationRequested)
            {
                await stream.EndAsync(ending.Stopping.IsCancellationRequested ? "shutdown" : "lifetime");
            }
        }
    }

    private sealed class EventWriter(HttpResponse response, LiveMetrics? metrics, CancellationToken aborted)
    {
        private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
        private long _lastSent;

        public SemaphoreSlim Gate { get; } = new(1, 1);

        /// <summary>The changes the listener missed, or one resync when they are not remembered; a fresh listener just learns the version.</summary>
        public async Task CatchUpAsync(IStanceChangeNotifier notifier, long? resumeFrom)
        {
            // Something goes out at once, so the listener knows the stream is open; and a dropped
            // stream is retried after three seconds.
            await WriteAsync("retry: 3000\n\n");
            var current = notifier.Version;
            if (resumeFrom is not { } seen)
            {
                await WriteAsync($"id: {current}\n\n");
            }
            else if (notifier.Since(seen) is { } missed)
            {
                foreach (var notice in missed)
                {
                    await WriteNoticeAsync(notice);
                }
            }
            else
            {
                await WriteNoticeAsync(StanceChangeNotice.Resync(current));
            }

            _lastSent = Math.Max(_lastSent, current);
        }

        public async Task SendAsync(StanceChangeNotice notice)
        {
            try
            {
                await Gate.WaitAsync(aborted);
                try
                {
                    if (notice.IsResync || notice.Version > _lastSent)
                    {
                        await WriteNoticeAsync(notice);
                    }
                }
                finally
                {
                    Gate.Release();
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException or ObjectDisposedException)
            {
                // The reader went away; the subscription ends with the request.
            }
        }

        /// <summary>
        /// The last event: reconnect (EventSource does, after the retry given here, sending
        /// Last-Event-ID). The retry is drawn between 0.2 and 2 s so that an instance's thousands of
        /// readers do not all arrive at the same instant wherever they go next.
        /// </summary>
        public async Task EndAsync(string reason)
        {
            try
            {
                await Gate.WaitAsync(aborted);
                try
                {
                    var retry = Random.Shared.Next(200, 2000).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    await WriteAsync($"retry: {retry}\nevent: reconnect\ndata: {{\"reason\":\"{reason}\"}}\n\n");
                }
                finally
                {
                    Gate.Release();
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException or ObjectDisposedException)
            {
                // The reader went away meanwhile.
            }
        }

        public async Task HeartbeatAsync()
        {
            await Gate.WaitAsync(aborted);
            try
            {
                await WriteAsync(": heartbeat\n\n");
            }
            finally
            {
                Gate.Release();
            }
        }

        private Task WriteNoticeAsync(StanceChangeNotice notice)
        {
            _lastSent = Math.Max(_lastSent, notice.Version);
            metrics?.Sent(notice.IsResync);
            // One notice goes to every open stream (10,000 on summit day): encoded once, not per stream.
            return WriteAsync(Encoded.GetValue(notice, Encode));
        }

        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<StanceChangeNotice, byte[]> Encoded = [];

        private static byte[] Encode(StanceChangeNotice notice)
        {
            var data = notice.IsResync
                ? JsonSerializer.Serialize(new { version = notice.Version }, Json)
                : JsonSerializer.Serialize(new
                {
                    version = notice.Version,
                    cells = notice.Cells.Count == 0
                        ? (object)"all"
                        : notice.Cells.Select(c => new { member = c.MemberAlpha3, proposal = c.ProposalSlug }),
                }, Json);
            return Encoding.UTF8.GetBytes($"id: {notice.Version}\nevent: {(notice.IsResync ? "resync" : "change")}\ndata: {data}\n\n");
        }

        private Task WriteAsync(string text) => WriteAsync(Encoding.UTF8.GetBytes(text));

        private async Task WriteAsync(byte[] bytes)
        {
            await response.Body.WriteAsync(bytes, aborted);
            await response.Body.FlushAsync(aborted);
        }
    }
}

/// <summary>What ends a stream besides the reader: a heartbeat between, its drawn lifetime, the instance stopping.</summary>
internal sealed record StreamEnding(TimeSpan HeartbeatEvery, TimeSpan Lifetime, CancellationToken Stopping);
