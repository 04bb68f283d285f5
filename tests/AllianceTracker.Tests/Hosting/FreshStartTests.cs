using System.Diagnostics;
using System.Text;
using AllianceTracker.Tests.Support;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace AllianceTracker.Tests.Hosting;

/// <summary>
/// The README's first <c>dotnet run</c> on a fresh clone once crashed with SQLite's "database is
/// locked" while creating the roles: the roles and the seeds were written side by side (issue 29).
/// The app as a person starts it (a process, Development, the demo editor created) on a new
/// database, twenty times in a row.
/// </summary>
[Trait("Database", "SqliteOnly")]
public sealed class FreshStartTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_fresh_app_on_a_new_database_starts_twenty_times_in_a_row_without_a_lock_failure()
    {
        const int starts = 20;
        var times = new List<double>();
        for (var start = 1; start <= starts; start++)
        {
            var folder = Path.Combine(Path.GetTempPath(), "alliance-tracker-tests", "fresh-start-" + Guid.NewGuid().ToString("N"));
            var database = Path.Combine(folder, "alliance-tracker.db");
            var address = new Uri($"http://127.0.0.1:{AppProcess.FreePort()}/");
            var log = new StringBuilder();
            try
            {
                var watch = Stopwatch.StartNew();
                using var app = Process.Start(AppProcess.StartInfo(database, new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Development" }, address.ToString().TrimEnd('/')))!;
                app.OutputDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
                app.ErrorDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
                app.BeginOutputReadLine();
                app.BeginErrorReadLine();
                using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
                try
                {
                    await AppProcess.WaitUntilReadyAsync(client, app);
                    times.Add(watch.Elapsed.TotalSeconds);

                    // Ready means migrated, seeded, the roles and the demo editor made: all of it, once.
                    (await client.GetAsync("api/v1/members")).EnsureSuccessStatusCode();
                    Assert.Equal(32L, SqliteFile.Scalar(database, "SELECT count(*) FROM Members"));
                    Assert.Equal(2L, SqliteFile.Scalar(database, "SELECT count(*) FROM AspNetRoles WHERE Name IN ('Editor', 'Admin')"));
                    Assert.True(File.Exists(Path.Combine(folder, "demo-editor-password.txt")), "the demo editor was not created");
                }
                finally
                {
                    app.Kill(entireProcessTree: true);
                    await app.WaitForExitAsync();
                }

                string text;
                lock (log)
                {
                    text = log.ToString();
                }

                Assert.False(text.Contains("database is locked", StringComparison.OrdinalIgnoreCase), $"start {start} of {starts} met SQLite's lock:\n{text}");
                Assert.DoesNotContain(" ERR] ", text);
                Assert.DoesNotContain(" FTL] ", text);
            }
            catch (Exception) when (Dump(start, log))
            {
                throw;
            }
            finally
            {
                SqliteConnection.ClearAllPools();
                if (Directory.Exists(folder))
                {
                    Directory.Delete(folder, recursive: true);
                }
            }
        }

        output.WriteLine($"{starts} fresh starts to ready: median {times.Order().ElementAt(times.Count / 2):F2} s, slowest {times.Max():F2} s");
    }

    private bool Dump(int start, StringBuilder log)
    {
        lock (log)
        {
            output.WriteLine($"start {start} failed; its log:\n{log}");
        }

        return false;
    }
}
