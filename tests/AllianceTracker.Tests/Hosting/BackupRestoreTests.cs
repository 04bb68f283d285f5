using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AllianceTracker.Tests.Data;
using AllianceTracker.Tests.Shared;
using AllianceTracker.Tests.Support;
using AllianceTracker.Web.Data;
using Microsoft.Data.Sqlite;

namespace AllianceTracker.Tests.Hosting;

/// <summary>Owner-only file modes are a Unix notion; the CI machines are Linux.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
[Trait("Database", "SqliteOnly")]
public sealed class BackupRestoreTests : IAsyncLifetime, IAsyncDisposable
{
    private readonly AllianceAppFactory _app = new() { KeepsFilesAfterStopping = true };
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "alliance-tracker-tests", "backups-" + Guid.NewGuid().ToString("N"));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var folder in new[] { _folder, Path.GetDirectoryName(_app.DatabasePath)! }.Where(Directory.Exists))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    // xunit 2 disposes through IAsyncLifetime.DisposeAsync above and never calls this: it says the
    // class owns what it disposes (CA1001), and it is the method xunit 3 calls.
    ValueTask IAsyncDisposable.DisposeAsync() => new(DisposeAsync());

    private static long Count(string database, string table) => SqliteFile.Count(database, table);

    private async Task SaveAStanceAsync()
    {
        var editor = await _app.SignedInAsync("Editor");
        var cell = await editor.GetFromJsonAsync<JsonObject>("/api/v1/stances/cell?member=SVK&proposal=ukraine-fund");
        var saved = await editor.PostAsJsonAsync("/api/v1/stances", new
        {
            member = "SVK", proposal = "ukraine-fund", stance = "supports", effectiveDate = "2024-06-02", reason = "Saved before the backup.",
            evidence = new[] { new { source = "icaro-2024-04-stoltenberg-ukraine-fund", excerpt = "An excerpt." } },
            expectedVersion = (Guid?)cell!["version"],
        });
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
    }

    [Fact]
    public async Task A_backup_taken_while_the_app_runs_restores_with_every_change_after_the_app_stops_and_the_old_file_is_kept()
    {
        await SaveAStanceAsync();
        var backup = Path.Combine(_folder, "tracker-backup.db");
        var live = _app.DatabasePath;
        var changes = Count(live, "StanceChanges");
        var users = Count(live, "AspNetUsers");

        var (backedUp, output, error) = await AppProcess.RunAsync(live, "backup", "--out", backup);

        Assert.True(backedUp == 0, error);
        Assert.Contains("integrity ok", output);
        Assert.Null(await DatabaseFile.CheckAsync(backup));
        Assert.Equal((changes, users), (Count(backup, "StanceChanges"), Count(backup, "AspNetUsers")));
        Assert.True(Count(backup, "DataProtectionKeys") > 0, "the backup holds the keys that sign cookies");
        Assert.True(WriteAheadLogTests.IsInWalMode(backup), "a backup is in WAL mode like the database it copies");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(backup));

        var (refusedWhileRunning, _, runningError) = await AppProcess.RunAsync(live, "restore", "--from", backup);
        Assert.Equal(1, refusedWhileRunning);
        Assert.Contains("already serving", runningError);

        await _app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        var (restored, restoreOutput, restoreError) = await AppProcess.RunAsync(live, "restore", "--from", backup);

        Assert.True(restored == 0, restoreError);
        Assert.Contains("previous database is kept as", restoreOutput);
        var kept = Assert.Single(Directory.GetFiles(Path.GetDirectoryName(live)!, "alliance-tracker.db.before-restore-*"), f => f.EndsWith('Z'));
        Assert.Equal(changes, Count(kept, "StanceChanges"));
        Assert.Equal(changes, Count(live, "StanceChanges"));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(live));
    }

    [Fact]
    public async Task A_file_that_is_not_a_sound_tracker_database_is_not_restored_and_the_database_is_untouched()
    {
        Assert.Equal(HttpStatusCode.OK, (await _app.Anonymous().GetAsync("/healthz/ready")).StatusCode);
        var live = _app.DatabasePath;
        var changes = Count(live, "StanceChanges");
        await _app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.CreateDirectory(_folder);
        var garbage = Path.Combine(_folder, "not-a-database.db");
        await File.WriteAllTextAsync(garbage, "this is not SQLite");

        var (exit, _, error) = await AppProcess.RunAsync(live, "restore", "--from", garbage);

        Assert.Equal(1, exit);
        Assert.Contains("cannot be restored", error);
        Assert.Equal(changes, Count(live, "StanceChanges"));
    }

    [Fact]
    public async Task The_database_file_is_readable_by_its_owner_only()
    {
        await _app.Anonymous().GetAsync("/healthz");

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_app.DatabasePath));
    }
}
