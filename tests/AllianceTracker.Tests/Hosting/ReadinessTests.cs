using System.Diagnostics;
using System.Net;
using AllianceTracker.Tests.Shared;
using AllianceTracker.Tests.Support;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace AllianceTracker.Tests.Hosting;

/// <summary>
/// A restarted instance accepted connections 13–20 s before it was ready and nginx sent it
/// readers, who waited (issue 29). While it starts, <c>/healthz/ready</c> says "not ready" at
/// once, and — behind a balancer, where requests are not held — every other request is a 503 with
/// Retry-After at once, which nginx answers by trying another instance.
/// </summary>
[Trait("Database", "SqliteOnly")]
public sealed class ReadinessTests(ITestOutputHelper output)
{
    [Fact]
    public async Task While_its_database_is_not_yet_initialized_an_instance_says_not_ready_and_answers_503_at_once_then_serves()
    {
        var folder = Path.Combine(Path.GetTempPath(), "alliance-tracker-tests", "readiness-" + Guid.NewGuid().ToString("N"));
        var database = Path.Combine(folder, "alliance-tracker.db");
        using (var seeded = AllianceAppFactory.OnEmptyFolder())
        {
            (await seeded.CreateClient().GetAsync("/api/v1/members")).EnsureSuccessStatusCode();
            Directory.CreateDirectory(folder);
            File.Copy(seeded.DatabasePath, database);
        }

        // Another process holds the file's lock (a copy in rollback-journal mode, as an old
        // backup is): the start-up's first step waits for it.
        SqliteFile.Scalar(database, "PRAGMA journal_mode = DELETE");
        var holder = new SqliteConnection($"Data Source={database};Pooling=False");
        holder.Open();
        using (var begin = holder.CreateCommand())
        {
            begin.CommandText = "BEGIN EXCLUSIVE";
            begin.ExecuteNonQuery();
        }

        var address = new Uri($"http://127.0.0.1:{AppProcess.FreePort()}/");
        var environment = new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Production", ["Site__HoldRequestsWhileStarting"] = "00:00:00" };
        using var app = Process.Start(AppProcess.StartInfo(database, environment, address.ToString().TrimEnd('/')))!;
        app.OutputDataReceived += (_, _) => { };
        app.ErrorDataReceived += (_, _) => { };
        app.BeginOutputReadLine();
        app.BeginErrorReadLine();
        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        try
        {
            await AppProcess.WaitUntilListeningAsync(client, app);

            var watch = Stopwatch.StartNew();
            using var ready = await client.GetAsync("healthz/ready");
            var readyTook = watch.Elapsed;
            watch.Restart();
            using var page = await client.GetAsync("");
            var pageTook = watch.Elapsed;
            using var live = await client.GetAsync("healthz");
            output.WriteLine($"while starting: /healthz/ready {(int)ready.StatusCode} in {readyTook.TotalMilliseconds:F0} ms, / {(int)page.StatusCode} in {pageTook.TotalMilliseconds:F0} ms");

            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
            Assert.Equal("1", page.Headers.RetryAfter?.Delta?.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(HttpStatusCode.OK, live.StatusCode); // The process itself is alive: a supervisor must not restart it.
            Assert.True(readyTook < TimeSpan.FromSeconds(1) && pageTook < TimeSpan.FromSeconds(1), "answers while starting must come at once, not held");

            // The lock goes; the start-up finishes; the instance is ready and serves.
            using (var rollback = holder.CreateCommand())
            {
                rollback.CommandText = "ROLLBACK";
                rollback.ExecuteNonQuery();
            }

            holder.Close();
            await AppProcess.WaitUntilReadyAsync(client, app);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("")).StatusCode);
        }
        finally
        {
            holder.Dispose();
            app.Kill(entireProcessTree: true);
            await app.WaitForExitAsync();
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
