using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AllianceTracker.Tests.Shared;
using AllianceTracker.Tests.Support;
using Npgsql;
using Xunit.Abstractions;

namespace AllianceTracker.Tests.Data;

/// <summary><c>db copy --to postgresql</c>: a SQLite deployment moves up whole, verified, or not at all.</summary>
[Trait("Database", "SqliteOnly")]
public sealed class DatabaseCopyTests(ITestOutputHelper output) : FreshAppTest(output)
{
    public override async Task InitializeAsync() => (await App.Anonymous().GetAsync("/healthz/ready")).EnsureSuccessStatusCode();

    [Fact]
    public async Task The_seeded_database_moves_up_and_reads_the_same()
    {
        var target = PostgresServer.Instance.CreateDatabase();

        var (exit, output, error) = await App.RunCommandAsync("", "db", "copy", "--to", "postgresql", "--connection", target);

        Assert.True(exit == 0, error);
        Assert.Contains("StanceChanges: 12", output);
        Assert.Contains("every table counted again and 0 snapshot hashes verified", output);
        await using var onPostgres = AllianceAppFactory.OnPostgreSql(target);
        Assert.Equal(await App.Anonymous().GetStringAsync("/api/v1/positions"), await onPostgres.Anonymous().GetStringAsync("/api/v1/positions"));
    }

    [Fact]
    public async Task A_database_with_editor_history_moves_up_with_its_ids_accounts_snapshots_and_keys()
    {
        var email = await App.CreateAsync("Editor");
        var editor = App.Anonymous();
        var signedIn = await editor.PostSignInAsync(email, TestAccounts.Password);
        var cookie = string.Join("; ", signedIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        var cell = await editor.GetFromJsonAsync<JsonObject>("/api/v1/stances/cell?member=SVK&proposal=ukraine-fund");
        using var saved = await editor.PostAsJsonAsync("/api/v1/stances", new
        {
            member = "SVK", proposal = "ukraine-fund", stance = "supports", effectiveDate = "2024-06-02", reason = "Before the move.",
            evidence = new[] { new { source = "icaro-2024-04-stoltenberg-ukraine-fund", excerpt = "An excerpt." } },
            expectedVersion = (Guid?)cell!["version"],
        });
        var entry = saved.Headers.Location!.OriginalString;
        using (var retracted = await editor.PostAsJsonAsync(entry + "/retraction", new { reason = "Wrong date.", expectedVersion = (Guid?)(await saved.Content.ReadFromJsonAsync<JsonObject>())!["version"] }))
        {
            Assert.Equal(HttpStatusCode.Created, retracted.StatusCode);
        }

        var (snapshotExit, snapshotOutput, _) = await App.RunCommandAsync("", "snapshot", "create", "--title", "Before the move");
        Assert.Equal(0, snapshotExit);
        var snapshotId = snapshotOutput.Split(' ')[1];
        var target = PostgresServer.Instance.CreateDatabase();

        var (exit, output, error) = await App.RunCommandAsync("", "db", "copy", "--to", "postgresql", "--connection", target);

        Assert.True(exit == 0, error);
        Assert.Contains("1 snapshot hashes verified", output);
        await using var onPostgres = AllianceAppFactory.OnPostgreSql(target);
        var reader = onPostgres.Anonymous();
        Assert.Equal(await App.Anonymous().GetStringAsync("/api/v1/positions"), await reader.GetStringAsync("/api/v1/positions"));
        Assert.Equal(await App.Anonymous().GetStringAsync(entry), await reader.GetStringAsync(entry));
        Assert.Equal(await App.Anonymous().GetStringAsync($"/api/v1/snapshots/{snapshotId}"), await reader.GetStringAsync($"/api/v1/snapshots/{snapshotId}"));
        // The account and its password moved, and so did the keys: the SQLite app's cookie works on PostgreSQL.
        Assert.Equal(HttpStatusCode.Redirect, (await onPostgres.Anonymous().PostSignInAsync(email, TestAccounts.Password)).StatusCode);
        using var withOldCookie = new HttpRequestMessage(HttpMethod.Get, "/api/v1/stances/cell?member=SVK&proposal=ukraine-fund");
        withOldCookie.Headers.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.OK, (await onPostgres.Anonymous().SendAsync(withOldCookie)).StatusCode);
        // New rows continue after the copied ids.
        var onPostgresEditor = await onPostgres.SignedInAsync("Editor");
        var next = await onPostgresEditor.GetFromJsonAsync<JsonObject>("/api/v1/stances/cell?member=EST&proposal=ukraine-fund");
        using var after = await onPostgresEditor.PostAsJsonAsync("/api/v1/stances", new
        {
            member = "EST", proposal = "ukraine-fund", stance = "supports", effectiveDate = "2024-06-02", reason = "After the move.",
            evidence = new[] { new { source = "icaro-2024-04-stoltenberg-ukraine-fund", excerpt = "An excerpt." } },
            expectedVersion = (Guid?)next!["version"],
        });
        Assert.Equal(HttpStatusCode.Created, after.StatusCode);
    }

    [Fact]
    public async Task A_database_that_is_not_empty_is_refused_and_left_as_it_was()
    {
        var target = PostgresServer.Instance.CreateDatabase();
        Assert.Equal(0, (await App.RunCommandAsync("", "db", "copy", "--to", "postgresql", "--connection", target)).Exit);
        var before = Count(target);

        var (exit, _, error) = await App.RunCommandAsync("", "db", "copy", "--to", "postgresql", "--connection", target);

        Assert.Equal(1, exit);
        Assert.Contains("not empty", error);
        Assert.Equal(before, Count(target));
    }

    private static long Count(string connectionString)
    {
        using var connection = new NpgsqlConnection(connectionString + ";Pooling=false");
        connection.Open();
        using var command = new NpgsqlCommand("SELECT (SELECT count(*) FROM \"StanceChanges\") + (SELECT count(*) FROM \"Members\")", connection);
        return (long)command.ExecuteScalar()!;
    }
}
