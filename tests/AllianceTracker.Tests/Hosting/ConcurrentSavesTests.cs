using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AllianceTracker.Tests.Support;
using Xunit.Abstractions;

namespace AllianceTracker.Tests.Hosting;

[Trait("Database", "SqliteOnly")]
public sealed class ConcurrentSavesTests(ITestOutputHelper output) : FreshAppTest(output)
{
    [Theory]
    [InlineData(10)]
    [InlineData(25)]
    public async Task Many_editors_saving_the_same_cell_version_at_once_make_exactly_one_change(int editors)
    {
        // Signed in at once too: each sign-in writes (Identity resets the failed-attempt count),
        // and before WAL concurrent sign-ins could fail on SQLite's lock (issue 29).
        var clients = (await Task.WhenAll(Enumerable.Range(0, editors).Select(_ => App.SignedInAsync("Editor")))).ToList();

        var cell = await clients[0].GetFromJsonAsync<JsonObject>("/api/v1/stances/cell?member=SVK&proposal=ukraine-fund");
        var entriesBefore = SlovakiaEntries();
        using var start = new SemaphoreSlim(0);

        var saves = clients.Select(async (client, i) =>
        {
            await start.WaitAsync();
            return (await client.PostAsJsonAsync("/api/v1/stances", new
            {
                member = "SVK", proposal = "ukraine-fund", stance = i % 2 == 0 ? "supports" : "opposes", effectiveDate = "2024-06-02",
                reason = $"Editor {i} saves at the same moment.",
                evidence = new[] { new { source = "icaro-2024-04-stoltenberg-ukraine-fund", excerpt = "An excerpt." } },
                expectedVersion = (Guid?)cell!["version"],
            })).StatusCode;
        }).ToList();
        start.Release(editors);
        var results = await Task.WhenAll(saves);

        Assert.Equal(1, results.Count(r => r == HttpStatusCode.Created));
        Assert.Equal(editors - 1, results.Count(r => r == HttpStatusCode.Conflict));
        var after = await clients[0].GetFromJsonAsync<JsonObject>("/api/v1/stances/cell?member=SVK&proposal=ukraine-fund");
        Assert.NotEqual((Guid?)cell!["version"], (Guid?)after!["version"]);
        Assert.Equal(entriesBefore + 1, SlovakiaEntries());
    }

    private long SlovakiaEntries() => (long)SqliteFile.Scalar(App.DatabasePath, "SELECT count(*) FROM StanceChanges WHERE MemberAlpha3 = 'SVK'")!;
}
