using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AllianceTracker.Tests.Shared;
using AllianceTracker.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace AllianceTracker.Tests.Hosting;

/// <summary>The database initializes while the web host starts; nobody is served before it is ready.</summary>
[Trait("Database", "SqliteOnly")]
public sealed class StartupTests
{
    [Fact]
    public async Task A_request_that_arrives_while_the_database_is_being_prepared_is_held_and_then_answered_from_the_seeded_data()
    {
        // The start-up cannot finish while another connection holds the new file exclusively, so a
        // request sent meanwhile has to be held by the gate (not answered early from an empty file).
        using var app = AllianceAppFactory.OnEmptyFolder();
        Directory.CreateDirectory(Path.GetDirectoryName(app.DatabasePath)!);
        var holder = new SqliteConnection($"Data Source={app.DatabasePath};Pooling=False");
        holder.Open();
        using (var begin = holder.CreateCommand())
        {
            begin.CommandText = "BEGIN EXCLUSIVE";
            begin.ExecuteNonQuery();
        }

        using var client = app.CreateClient();
        var startup = app.Services.GetRequiredService<StartupProgress>().Initialized;
        var clock = Stopwatch.StartNew();
        var initializedAt = startup.ContinueWith(_ => clock.Elapsed, TaskScheduler.Default);
        var members = client.GetAsync("/api/v1/members");
        var answeredAt = members.ContinueWith(_ => clock.Elapsed, TaskScheduler.Default);

        // Liveness answers at once even now: the app is up, and still preparing its data.
        using (var live = await client.GetAsync("/healthz"))
        {
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        }

        Assert.False(startup.IsCompleted);
        Assert.False(members.IsCompleted);
        holder.Dispose();

        using var response = await members;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(32, (await response.Content.ReadFromJsonAsync<List<JsonElement>>())!.Count);
        Assert.True(await initializedAt <= await answeredAt, "The request was answered before the start-up had prepared the data.");
        Assert.Contains("\"opposes\"", await client.GetStringAsync("/api/v1/positions")); // Hungary on the fund, from the seed's stances
    }
}
