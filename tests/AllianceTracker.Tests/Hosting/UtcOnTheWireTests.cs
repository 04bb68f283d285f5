using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AllianceTracker.Tests.Support;
using Xunit.Abstractions;

namespace AllianceTracker.Tests.Hosting;

/// <summary>Times stored in UTC keep their Z after a round trip through the database.</summary>
public sealed class UtcOnTheWireTests(ITestOutputHelper output) : FreshAppTest(output)
{
    [Fact]
    public async Task A_snapshots_creation_time_and_a_cells_recording_time_come_back_as_utc_with_a_z()
    {
        var editor = await App.SignedInAsync("Editor");
        var created = await (await editor.PostAsJsonAsync("/api/v1/snapshots", new { title = "Times on the wire" })).Content.ReadFromJsonAsync<JsonObject>();

        // Read back in a new request, so the values come from the database, not from the object just saved.
        var snapshot = await App.Anonymous().GetFromJsonAsync<JsonObject>($"/api/v1/snapshots/{(string?)created!["id"]}");
        var cell = await editor.GetFromJsonAsync<JsonObject>("/api/v1/stances/cell?member=HUN&proposal=ukraine-fund");

        Assert.EndsWith("Z", (string?)Find(snapshot!, "createdAtUtc"));
        Assert.EndsWith("Z", (string?)cell!["recordedAtUtc"]);
        Assert.True(DateTimeOffset.Parse((string)cell["recordedAtUtc"]!, System.Globalization.CultureInfo.InvariantCulture).Offset == TimeSpan.Zero);
    }

    private static JsonNode? Find(JsonObject body, string name) =>
        body[name] ?? body.Select(p => p.Value).OfType<JsonObject>().Select(o => o[name]).FirstOrDefault(v => v is not null);
}
