using System.Net.Http.Json;
using System.Text.Json;
using AllianceTracker.Tests.Shared;
using AllianceTracker.Tests.Support;
using MiniExcelLibs;

namespace AllianceTracker.Tests.Features.Exchange;

/// <summary>A download of a filtered view says so inside the file, in every format; the whole picture says nothing of the kind.</summary>
public sealed class FilteredExportTests(AllianceAppFactory app) : IClassFixture<AllianceAppFactory>
{
    private const string Query = "region=Eastern%20Europe&stance=opposes&on=ukraine-fund&sort=stance";
    private const string Filters = "region=Eastern%20Europe&stance=opposes&on=ukraine-fund";

    [Fact]
    public async Task The_json_states_the_view_and_how_many_allies_it_shows()
    {
        var filtered = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/exports/current.json?{Query}");
        var whole = await app.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/exports/current.json");

        var view = filtered.GetProperty("view");
        Assert.Equal(Filters, view.GetProperty("filters").GetString());
        Assert.Equal(filtered.GetProperty("members").GetArrayLength(), view.GetProperty("membersShown").GetInt32());
        Assert.Equal(32, view.GetProperty("membersInAlliance").GetInt32());
        Assert.False(whole.TryGetProperty("view", out _));
    }

    [Fact]
    public async Task The_csv_workbook_and_brief_state_the_view_too()
    {
        var csv = (await app.Anonymous().GetStringAsync($"/api/v1/exports/current.csv?{Query}&bom=false")).Split("\r\n");
        // The view, then the interpretation note (added later, so last; none on these rows).
        Assert.EndsWith(",view,interpretation_note", csv[0], StringComparison.Ordinal);
        // Hungary, on the three proposals: the view is stated on every row.
        Assert.Equal(3, csv.Skip(1).Count(line => line.Length > 0));
        Assert.All(csv.Skip(1).Where(line => line.Length > 0), line => Assert.EndsWith("," + Filters + ",", line, StringComparison.Ordinal));

        using var workbook = new MemoryStream(await app.Anonymous().GetByteArrayAsync($"/api/v1/exports/current.xlsx?{Query}"));
        var summary = MiniExcel.Query(workbook, useHeaderRow: true, sheetName: "Summary").Cast<IDictionary<string, object?>>().ToList();
        Assert.All(summary, row => Assert.Matches(@"^Filtered view \(region=Eastern%20Europe&stance=opposes&on=ukraine-fund\): \d+ of 32 members\.$", (string?)row["View"]));

        var brief = await app.Anonymous().GetStringAsync($"/api/v1/exports/current.md?{Query}");
        Assert.Contains("Filtered view (", brief, StringComparison.Ordinal);
        Assert.DoesNotContain("Filtered view", await app.Anonymous().GetStringAsync("/api/v1/exports/current.md"), StringComparison.Ordinal);
    }
}

/// <summary>The data package declares a licence only when the deployment has chosen one.</summary>
public sealed class DataPackageLicenseTests
{
    [Fact]
    public async Task Without_a_chosen_licence_the_package_says_so_and_declares_none()
    {
        await using var app = new AllianceAppFactory();

        using var package = JsonDocument.Parse(await app.Anonymous().GetStringAsync("/api/v1/exports/datapackage.json"));

        Assert.False(package.RootElement.TryGetProperty("licenses", out _));
        Assert.Contains("No licence has been chosen", package.RootElement.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_configured_licence_is_declared()
    {
        await using var app = new AllianceAppFactory
        {
            Settings = new Dictionary<string, string>
            {
                ["Exports:DataLicense:Name"] = "CC-BY-4.0",
                ["Exports:DataLicense:Path"] = "https://creativecommons.org/licenses/by/4.0/",
                ["Exports:DataLicense:Title"] = "Creative Commons Attribution 4.0",
            },
        };

        using var package = JsonDocument.Parse(await app.Anonymous().GetStringAsync("/api/v1/exports/datapackage.json"));

        var license = Assert.Single(package.RootElement.GetProperty("licenses").EnumerateArray());
        Assert.Equal(("CC-BY-4.0", "https://creativecommons.org/licenses/by/4.0/"), (license.GetProperty("name").GetString(), license.GetProperty("path").GetString()));
        Assert.DoesNotContain("No licence", package.RootElement.GetProperty("description").GetString(), StringComparison.Ordinal);
    }
}
