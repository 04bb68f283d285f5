using System.Net.Http.Json;
using System.Text.Json;
using AllianceTracker.Tests.Shared;

namespace AllianceTracker.Tests.Hosting;

/// <summary>The database initializes while the web host starts; nobody is served before it is ready.</summary>
public sealed class StartupTests
{
    [Fact]
    public async Task A_request_sent_the_moment_a_fresh_app_starts_waits_for_the_migrated_and_seeded_data()
    {
        using var app = AllianceAppFactory.OnEmptyFolder();
        using var client = app.CreateClient();

        // Sent as soon as the host accepts requests, while migrations and the seed import still run.
        var members = await client.GetFromJsonAsync<List<JsonElement>>("/api/v1/members");
        var positions = await client.GetStringAsync("/api/v1/positions");

        Assert.Equal(32, members!.Count);
        Assert.Contains("\"opposes\"", positions); // Hungary on the fund, from the seed's stances
    }
}
