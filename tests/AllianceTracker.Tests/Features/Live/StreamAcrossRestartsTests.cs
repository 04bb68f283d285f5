using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.ServerSentEvents;
using System.Text.Json;
using System.Text.Json.Nodes;
using AllianceTracker.Tests.Support;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace AllianceTracker.Tests.Features.Live;

/// <summary>
/// Live streams across a stop, a restart and a restore of the single SQLite app (issue 29): event
/// ids restarted at 1 after a restart, so a reader resuming with <c>Last-Event-ID: 2</c> silently
/// skipped two changes; a stop held streams open for the full 30 s shutdown timeout; after a
/// restore, the next save reused the id of a discarded change.
/// </summary>
[Trait("Database", "SqliteOnly")]
public sealed class StreamAcrossRestartsTests(ITestOutputHelper output) : IDisposable
{
    private const string Email = "restart-editor@example.org";
    private const string Password = "a-long-enough-restart-passphrase";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "alliance-tracker-tests", "restarts-" + Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, string> _environment = new() { ["ASPNETCORE_ENVIRONMENT"] = "Production", ["ALLIANCE_TRACKER_PASSWORD"] = Password };

    private string Database => Path.Combine(_folder, "alliance-tracker.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_stop_ends_every_stream_with_a_reconnect_event_within_5_s_and_after_the_restart_Last_Event_ID_gets_exactly_what_was_missed()
    {
        var (created, _, error) = await AppProcess.RunAsync(Database, _environment, "users", "add", "--email", Email, "--display-name", "Restart editor", "--role", "Editor");
        Assert.True(created == 0, error);

        // First run: a reader follows; two saves; the app is stopped with SIGTERM while the reader is connected.
        long lastSeen;
        using (var first = await StartAsync())
        {
            var reader = await OpenStreamAsync(first.Client, lastEventId: null);
            var opened = long.Parse((await ReadBlockAsync(reader, "id"))!, CultureInfo.InvariantCulture);
            await SaveAsync(first.Client, "FRA");
            await SaveAsync(first.Client, "DEU");
            var firstChange = await NextEventAsync(reader);
            var secondChange = await NextEventAsync(reader);
            Assert.Equal(("change", opened + 1, "FRA"), (firstChange.EventType, long.Parse(firstChange.EventId!, CultureInfo.InvariantCulture), Member(firstChange)));
            Assert.Equal(("change", opened + 2, "DEU"), (secondChange.EventType, long.Parse(secondChange.EventId!, CultureInfo.InvariantCulture), Member(secondChange)));
            lastSeen = opened + 2;

            var stopping = Stopwatch.StartNew();
            AppProcess.Terminate(first.Process);
            var last = await NextEventAsync(reader);
            var told = stopping.Elapsed;
            await first.Process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(15));
            var exited = stopping.Elapsed;
            output.WriteLine($"SIGTERM → reconnect event {told.TotalMilliseconds:F0} ms, process exited {exited.TotalMilliseconds:F0} ms");

            Assert.Equal("reconnect", last.EventType);
            Assert.Equal("shutdown", JsonDocument.Parse(last.Data).RootElement.GetProperty("reason").GetString());
            Assert.True(exited < TimeSpan.FromSeconds(5), $"the app took {exited.TotalSeconds:F1} s to exit after SIGTERM");
            Assert.Equal(0, first.Process.ExitCode);
        }

        // Second run: three saves while the reader was away; it comes back with the last id it saw.
        using var second = await StartAsync();
        foreach (var member in new[] { "ITA", "ESP", "NLD" })
        {
            await SaveAsync(second.Client, member);
        }

        var resumed = await OpenStreamAsync(second.Client, lastEventId: lastSeen);
        var missed = new[] { await NextEventAsync(resumed), await NextEventAsync(resumed), await NextEventAsync(resumed) };

        Assert.Equal(["change", "change", "change"], missed.Select(e => e.EventType));
        Assert.Equal([lastSeen + 1, lastSeen + 2, lastSeen + 3], missed.Select(e => long.Parse(e.EventId!, CultureInfo.InvariantCulture)));
        Assert.Equal(["ITA", "ESP", "NLD"], missed.Select(Member));
    }

    [Fact]
    public async Task After_a_restore_no_entry_id_or_event_id_is_given_out_again_and_readers_from_before_are_told_to_read_everything()
    {
        var (created, _, error) = await AppProcess.RunAsync(Database, _environment, "users", "add", "--email", Email, "--display-name", "Restart editor", "--role", "Editor");
        Assert.True(created == 0, error);
        var backup = Path.Combine(_folder, "before-the-mistakes.db");
        long highestEntry;
        long versionBeforeRestore;
        using (var app = await StartAsync())
        {
            await SaveAsync(app.Client, "FRA");
            var (backedUp, _, backupError) = await AppProcess.RunAsync(Database, _environment, "backup", "--out", backup);
            Assert.True(backedUp == 0, backupError);

            // Changes after the backup, which the restore discards: their ids and versions were seen.
            await SaveAsync(app.Client, "DEU");
            highestEntry = await SaveAsync(app.Client, "ITA");
            var reader = await OpenStreamAsync(app.Client, lastEventId: null);
            versionBeforeRestore = long.Parse((await ReadBlockAsync(reader, "id"))!, CultureInfo.InvariantCulture);
            AppProcess.Terminate(app.Process);
            await app.Process.WaitForExitAsync();
        }

        var (restored, _, restoreError) = await AppProcess.RunAsync(Database, _environment, "restore", "--from", backup);
        Assert.True(restored == 0, restoreError);

        using var after = await StartAsync();
        var fromBefore = await OpenStreamAsync(after.Client, lastEventId: versionBeforeRestore);
        var resync = await NextEventAsync(fromBefore);
        var entry = await SaveAsync(after.Client, "ESP");
        var change = await NextEventAsync(fromBefore);

        Assert.Equal("resync", resync.EventType);
        Assert.True(long.Parse(resync.EventId!, CultureInfo.InvariantCulture) > versionBeforeRestore, "the version after a restore must be past every version readers saw before it");
        Assert.True(entry > highestEntry, $"entry id {entry} was already given out before the restore (up to {highestEntry})");
        Assert.Equal(("change", "ESP"), (change.EventType, Member(change)));
        Assert.True(long.Parse(change.EventId!, CultureInfo.InvariantCulture) > versionBeforeRestore);
    }

    private sealed class RunningApp(Process process, HttpClient client) : IDisposable
    {
        public Process Process { get; } = process;

        public HttpClient Client { get; } = client;

        public void Dispose()
        {
            if (!Process.HasExited)
            {
                Process.Kill(entireProcessTree: true);
                Process.WaitForExit();
            }

            Client.Dispose();
            Process.Dispose();
        }
    }

    private async Task<RunningApp> StartAsync()
    {
        var address = new Uri($"http://127.0.0.1:{AppProcess.FreePort()}/");
        var process = Process.Start(AppProcess.StartInfo(Database, _environment, address.ToString().TrimEnd('/')))!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var cookies = new CookieContainer();
        var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("X-Requested-With", "XMLHttpRequest");
        await AppProcess.WaitUntilReadyAsync(client, process);
        await AppProcess.SignInAsync(client, Email, Password);
        return new RunningApp(process, client);
    }

    /// <summary>Saves a stance for <paramref name="member"/> and returns its entry id.</summary>
    private static async Task<long> SaveAsync(HttpClient client, string member)
    {
        var cell = await client.GetFromJsonAsync<JsonObject>($"api/v1/stances/cell?member={member}&proposal=ukraine-fund");
        var saved = await client.PostAsJsonAsync("api/v1/stances", new
        {
            member, proposal = "ukraine-fund", stance = "supports", effectiveDate = "2024-06-02", reason = $"Restart test: {member}.",
            evidence = new[] { new { source = "icaro-2024-04-stoltenberg-ukraine-fund", excerpt = "An excerpt." } },
            expectedVersion = (Guid?)cell!["version"],
        });
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        return (long)(await saved.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
    }

    private static async Task<StreamReader> OpenStreamAsync(HttpClient client, long? lastEventId)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/changes/stream");
        if (lastEventId is { } id)
        {
            request.Headers.Add("Last-Event-ID", id.ToString(CultureInfo.InvariantCulture));
        }

        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        return new StreamReader(await response.Content.ReadAsStreamAsync());
    }

    /// <summary>The value of the first <paramref name="field"/> line in the next block of the stream.</summary>
    private static async Task<string?> ReadBlockAsync(StreamReader reader, string field)
    {
        using var ceiling = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        string? value = null;
        while (await reader.ReadLineAsync(ceiling.Token) is { } line)
        {
            if (line.StartsWith(field + ": ", StringComparison.Ordinal))
            {
                value = line[(field.Length + 2)..];
            }
            else if (line.Length == 0 && value is not null)
            {
                return value;
            }
        }

        return value;
    }

    /// <summary>The next event (a block with <c>event:</c>), skipping comments, retry and id-only blocks.</summary>
    private static async Task<SseItem<string>> NextEventAsync(StreamReader reader)
    {
        using var ceiling = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        string? id = null, type = null, data = null;
        while (await reader.ReadLineAsync(ceiling.Token) is { } line)
        {
            if (line.StartsWith("id: ", StringComparison.Ordinal))
            {
                id = line[4..];
            }
            else if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                type = line[7..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data = line[6..];
            }
            else if (line.Length == 0 && type is not null)
            {
                return new SseItem<string>(data ?? "", type) { EventId = id };
            }
            else if (line.Length == 0)
            {
                (id, data) = (null, null);
            }
        }

        throw new Xunit.Sdk.XunitException("the stream ended before the next event");
    }

    private static string Member(SseItem<string> change) =>
        JsonDocument.Parse(change.Data).RootElement.GetProperty("cells")[0].GetProperty("member").GetString()!;
}
