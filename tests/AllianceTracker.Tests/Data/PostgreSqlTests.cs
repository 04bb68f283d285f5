using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AllianceTracker.Tests.Shared;
using AllianceTracker.Tests.Support;
using Npgsql;

namespace AllianceTracker.Tests.Data;

/// <summary>
/// The app on a real PostgreSQL server (a throwaway cluster, <see cref="PostgresServer"/>): the same
/// seeded picture as on SQLite, the same write rules and conflict check, append-only enforced by the
/// database itself, and the command line working against it.
/// </summary>
public sealed class PostgreSqlTests : IAsyncLifetime
{
    private readonly AllianceAppFactory _app = AllianceAppFactory.OnPostgreSql();

    // The host migrates and seeds the new database behind its first answer; accounts are made
    // through its services directly, so wait for that answer first.
    public async Task InitializeAsync() => Assert.Equal("Healthy", await _app.Anonymous().GetStringAsync("/healthz/ready"));

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_new_database_is_migrated_and_seeded_and_reads_as_the_same_picture_as_on_SQLite()
    {
        await using var onSqlite = AllianceAppFactory.OnEmptyFolder();

        var fromPostgres = JsonNode.Parse(await _app.Anonymous().GetStringAsync("/api/v1/positions"))!.ToJsonString();
        var fromSqlite = JsonNode.Parse(await onSqlite.Anonymous().GetStringAsync("/api/v1/positions"))!.ToJsonString();

        Assert.Equal(fromSqlite, fromPostgres);
        Assert.Contains("\"stance\":\"opposes\"", fromPostgres);
        Assert.Equal("Healthy", await _app.Anonymous().GetStringAsync("/healthz/ready"));
        Assert.Equal(12L, Scalar("SELECT count(*) FROM \"StanceChanges\""));
        Assert.Equal("seed", Scalar("SELECT DISTINCT \"Origin\" FROM \"StanceChanges\""));
    }

    [Fact]
    public async Task An_editor_saves_and_a_save_on_a_version_it_never_saw_is_a_409()
    {
        var editor = await _app.SignedInAsync("Editor");
        var cell = await editor.GetFromJsonAsync<JsonObject>("/api/v1/stances/cell?member=SVK&proposal=ukraine-fund");

        using var saved = await editor.PostAsJsonAsync("/api/v1/stances", Change("supports", (Guid?)cell!["version"]));
        using var stale = await editor.PostAsJsonAsync("/api/v1/stances", Change("opposes", (Guid?)cell["version"]));

        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var positions = await _app.Anonymous().GetStringAsync("/api/v1/positions?member=SVK&proposal=ukraine-fund");
        Assert.Contains("\"stance\":\"supports\"", positions);
    }

    [Fact]
    public async Task Many_editors_saving_the_same_cell_version_at_once_make_exactly_one_change()
    {
        const int editors = 10;
        var clients = await Task.WhenAll(Enumerable.Range(0, editors).Select(_ => _app.SignedInAsync("Editor")));
        var cell = await clients[0].GetFromJsonAsync<JsonObject>("/api/v1/stances/cell?member=SVK&proposal=ukraine-fund");
        var entriesBefore = (long)Scalar("SELECT count(*) FROM \"StanceChanges\" WHERE \"MemberAlpha3\" = 'SVK'")!;
        using var start = new SemaphoreSlim(0);

        var saves = clients.Select(async (client, i) =>
        {
            await start.WaitAsync();
            using var response = await client.PostAsJsonAsync("/api/v1/stances", Change(i % 2 == 0 ? "supports" : "opposes", (Guid?)cell!["version"]));
            return response.StatusCode;
        }).ToList();
        start.Release(editors);
        var results = await Task.WhenAll(saves);

        // Read committed: the losers' version update matches no row once the winner committed.
        Assert.Equal(1, results.Count(r => r == HttpStatusCode.Created));
        Assert.Equal(editors - 1, results.Count(r => r == HttpStatusCode.Conflict));
        Assert.Equal(entriesBefore + 1, Scalar("SELECT count(*) FROM \"StanceChanges\" WHERE \"MemberAlpha3\" = 'SVK'"));
    }

    [Theory]
    [InlineData("UPDATE \"StanceChanges\" SET \"Rationale\" = 'rewritten'")]
    [InlineData("DELETE FROM \"Evidence\"")]
    [InlineData("TRUNCATE \"Retractions\"")]
    [InlineData("DELETE FROM \"StanceChanges\" WHERE \"MemberAlpha3\" = 'HUN'")]
    public async Task The_database_itself_refuses_to_rewrite_the_history(string sql)
    {
        var before = Scalar("SELECT count(*) FROM \"StanceChanges\"");

        var refused = Assert.Throws<PostgresException>(() => Scalar(sql));

        Assert.Contains("append-only", refused.MessageText);
        Assert.Equal(before, Scalar("SELECT count(*) FROM \"StanceChanges\""));
    }

    [Fact]
    public async Task The_command_line_adds_an_editor_who_can_sign_in()
    {
        var (exit, output, error) = await _app.RunCommandAsync(TestAccounts.Password + "\n", "users", "add", "--email", "pg-desk@example.org", "--display-name", "Server desk", "--role", "Editor");

        Assert.True(exit == 0, error);
        Assert.Contains("pg-desk@example.org", output);
        using var signedIn = await _app.AsBrowserForm().PostSignInAsync("pg-desk@example.org", TestAccounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.DoesNotContain("sign-in", signedIn.Headers.Location?.OriginalString ?? "", StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Backup_and_restore_say_to_use_the_servers_own_tools()
    {
        var (exit, _, error) = await _app.RunCommandAsync("", "backup", "--out", Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".db"));

        Assert.NotEqual(0, exit);
        Assert.Contains("pg_dump", error);
    }

    private static object Change(string stance, Guid? expectedVersion) => new
    {
        member = "SVK", proposal = "ukraine-fund", stance, effectiveDate = "2024-06-02", reason = "Saved on the database server.",
        evidence = new[] { new { source = "icaro-2024-04-stoltenberg-ukraine-fund", excerpt = "An excerpt." } },
        expectedVersion,
    };

    private object? Scalar(string sql)
    {
        using var connection = new NpgsqlConnection(_app.PostgreSqlConnectionString + ";Pooling=false");
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        return command.ExecuteScalar();
    }
}
