using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AllianceTracker.Tests.Support;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace AllianceTracker.Tests.Hosting;

/// <summary>A busy database is answered quickly and honestly; health says whether the app can serve.</summary>
public sealed class FaultTests(ITestOutputHelper output) : FreshAppTest(output)
{
    private static object Stance(Guid? version) => new
    {
        member = "SVK", proposal = "ukraine-fund", stance = "supports", effectiveDate = "2024-06-02", reason = "Saved while another writer holds the lock.",
        evidence = new[] { new { source = "icaro-2024-04-stoltenberg-ukraine-fund", excerpt = "An excerpt." } },
        expectedVersion = version,
    };

    /// <summary>Another process's write transaction on the app's database, held until disposed.</summary>
    private SqliteConnection HoldWriteLock()
    {
        var connection = new SqliteConnection($"Data Source={App.DatabasePath};Pooling=False");
        connection.Open();
        using var begin = connection.CreateCommand();
        begin.CommandText = "BEGIN IMMEDIATE";
        begin.ExecuteNonQuery();
        return connection;
    }

    [Fact]
    [Trait("Database", "SqliteOnly")]
    public async Task A_write_while_the_database_is_locked_is_a_503_with_retry_after_within_10_s_reads_go_on_and_it_succeeds_once_free()
    {
        var editor = await App.SignedInAsync("Editor");
        var cell = await editor.GetFromJsonAsync<JsonObject>("/api/v1/stances/cell?member=SVK&proposal=ukraine-fund");

        HttpResponseMessage refused;
        var clock = Stopwatch.StartNew();
        using (HoldWriteLock())
        {
            refused = await editor.PostAsJsonAsync("/api/v1/stances", Stance((Guid?)cell!["version"]));
            clock.Stop();
            Assert.Equal(HttpStatusCode.OK, (await App.Anonymous().GetAsync("/api/v1/positions?proposal=ukraine-fund")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromSeconds(5), refused.Headers.RetryAfter?.Delta);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"answered after {clock.Elapsed}");
        Assert.NotNull((await refused.Content.ReadFromJsonAsync<JsonObject>())!["reference"]);

        var retried = await editor.PostAsJsonAsync("/api/v1/stances", Stance((Guid?)cell["version"]));
        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
    }

    [Fact]
    [Trait("Database", "SqliteOnly")]
    public async Task A_write_while_the_database_files_are_read_only_is_a_503_reads_go_on_and_it_succeeds_once_writable()
    {
        var editor = await App.SignedInAsync("Editor");
        var cell = await editor.GetFromJsonAsync<JsonObject>("/api/v1/stances/cell?member=SVK&proposal=ukraine-fund");
        // Readers are served from the shared picture (ADR 0012), read once before the fault as on a live site.
        Assert.Equal(HttpStatusCode.OK, (await App.Anonymous().GetAsync("/api/v1/positions?proposal=ukraine-fund")).StatusCode);
        // Immutable, which binds root too (tests run as root, for whom file modes do not): the
        // database and its write-ahead log, where every write goes.
        string[] files = [.. new[] { App.DatabasePath, App.DatabasePath + "-wal" }.Where(File.Exists)];

        HttpResponseMessage refused;
        Chattr("+i", files);
        try
        {
            refused = await editor.PostAsJsonAsync("/api/v1/stances", Stance((Guid?)cell!["version"]));
            var read = await App.Anonymous().GetAsync("/api/v1/positions?proposal=ukraine-fund");
            Assert.True(read.StatusCode == HttpStatusCode.OK, await read.Content.ReadAsStringAsync());
            // Connections opened now are read-only for their whole life and go back to the pool: the
            // write after the fault must not be handed one (under load it was, and got 503).
            SqliteConnection.ClearAllPools();
            var signedInRead = await editor.GetAsync("/api/v1/stances/cell?member=SVK&proposal=ukraine-fund");
            Assert.Equal(HttpStatusCode.OK, signedInRead.StatusCode);
        }
        finally
        {
            Chattr("-i", files);
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.Created, (await editor.PostAsJsonAsync("/api/v1/stances", Stance((Guid?)cell["version"]))).StatusCode);
    }

    private static void Chattr(string flag, string[] files)
    {
        var start = new ProcessStartInfo("chattr") { RedirectStandardError = true };
        start.ArgumentList.Add(flag);
        files.ToList().ForEach(start.ArgumentList.Add);
        using var chattr = Process.Start(start)!;
        var error = chattr.StandardError.ReadToEnd();
        chattr.WaitForExit();
        Assert.True(chattr.ExitCode == 0, $"chattr {flag}: {error}");
    }

    [Fact]
    public async Task Health_says_alive_and_ready_without_signing_in()
    {
        var client = App.Anonymous();

        var alive = await client.GetAsync("/healthz");
        var ready = await client.GetAsync("/healthz/ready");

        Assert.Equal((HttpStatusCode.OK, "Healthy"), (alive.StatusCode, await alive.Content.ReadAsStringAsync()));
        Assert.Equal((HttpStatusCode.OK, "Healthy"), (ready.StatusCode, await ready.Content.ReadAsStringAsync()));
    }

    [Fact]
    [Trait("Database", "SqliteOnly")]
    public async Task Ready_is_503_when_a_migration_is_missing()
    {
        await App.Anonymous().GetAsync("/healthz");
        SqliteFile.Scalar(App.DatabasePath, "DELETE FROM __EFMigrationsHistory WHERE MigrationId = (SELECT MAX(MigrationId) FROM __EFMigrationsHistory)");

        var ready = await App.Anonymous().GetAsync("/healthz/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await App.Anonymous().GetAsync("/healthz")).StatusCode);
    }
}
