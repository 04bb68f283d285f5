using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AllianceTracker.Tests.Features.Accounts;
using AllianceTracker.Tests.Support;
using AllianceTracker.Web.Hosting;

namespace AllianceTracker.Tests.Features.Snapshots;

[Collection(AccountsCollection.Name)]
public sealed class ImportApiAndCommandsTests(AccountsAppFactory app)
{
    private async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await app.Services.RunAdminCommandAsync(args, new StringReader(""), output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Importing_over_http_needs_an_admin_and_a_refusal_names_the_json_path()
    {
        var export = await app.Anonymous().GetByteArrayAsync("/api/v1/exports/current.json");
        var broken = Encoding.UTF8.GetString(export).Replace("\"stance\":\"opposes\"", "\"stance\":\"blocks\"");
        StringContent Body(string json) => new(json, Encoding.UTF8, "application/json");

        var anonymous = await app.Anonymous().PostAsync("/api/v1/imports", Body(broken));
        var editor = await (await app.SignedInAsync("Editor")).PostAsync("/api/v1/imports", Body(broken));
        var admin = await app.SignedInAsync("Admin");
        var refused = await admin.PostAsync("/api/v1/imports?dryRun=false", Body(broken));
        var preview = await admin.PostAsync("/api/v1/imports", Body(Encoding.UTF8.GetString(export)));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, editor.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        // Every opposing position was broken, and each is reported at its own path.
        var paths = problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
        Assert.NotEmpty(paths);
        Assert.All(paths, path => Assert.Matches(@"^\$\.positions\[\d+\]\.stance$", path));
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.False((await preview.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("applied").GetBoolean());
    }

    [Fact]
    public async Task A_file_that_is_not_json_at_all_is_a_400_not_a_server_error()
    {
        var admin = await app.SignedInAsync("Admin");

        var response = await admin.PostAsync("/api/v1/imports", new ByteArrayContent([0xFF, 0xFE, 0x00, 0x41]) { Headers = { ContentType = new("application/json") } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not UTF-8", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_cli_exports_as_of_a_date_to_a_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"alliance-export-{Guid.NewGuid():N}.csv");
        try
        {
            var (exit, output, _) = await RunAsync("export", "--format", "csv", "--as-of", "2024-04-02", "--out", path);

            Assert.Equal(0, exit);
            Assert.Contains($"to {path}", output);
            var csv = await File.ReadAllTextAsync(path);
            Assert.StartsWith("as_of,member,", csv);
            Assert.DoesNotContain(",opposes,", csv);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task The_cli_dry_run_import_reports_what_it_would_change_and_a_bad_file_exits_1_with_the_path()
    {
        var good = Path.Combine(Path.GetTempPath(), $"alliance-import-{Guid.NewGuid():N}.json");
        var bad = Path.Combine(Path.GetTempPath(), $"alliance-import-{Guid.NewGuid():N}.json");
        try
        {
            var export = await app.Anonymous().GetStringAsync("/api/v1/exports/current.json");
            await File.WriteAllTextAsync(good, export);
            await File.WriteAllTextAsync(bad, export.Replace("\"version\":1", "\"version\":7"));

            var (goodExit, goodOutput, _) = await RunAsync("import", "--dry-run", good);
            var (badExit, _, badError) = await RunAsync("import", "--dry-run", bad);
            var (missingExit, _, missingError) = await RunAsync("import", "/no/such/file.json");

            Assert.Equal(0, goodExit);
            Assert.Contains("Would add 0 stance changes", goodOutput);
            Assert.Equal(1, badExit);
            Assert.Contains("$.version: this server reads version 1", badError);
            Assert.Equal(1, missingExit);
            Assert.Contains("No file at", missingError);
        }
        finally
        {
            File.Delete(good);
            File.Delete(bad);
        }
    }

    [Fact]
    public async Task The_cli_creates_a_snapshot_and_refuses_bad_usage()
    {
        var (exit, output, _) = await RunAsync("snapshot", "create", "--title", "Nightly", "--as-of", "2024-07-09");
        var (badExit, _, badError) = await RunAsync("snapshot", "create", "--as-of", "2024-07-09");
        var (formatExit, _, _) = await RunAsync("export", "--format", "pdf");

        Assert.Equal(0, exit);
        Assert.Matches("Snapshot [a-z0-9]{10} \\(2024-07-09\\) at /snapshots/[a-z0-9]{10}", output);
        Assert.Matches("SHA-256 [0-9a-f]{64}", output);
        Assert.Equal(2, badExit);
        Assert.Contains("snapshot create --title", badError);
        Assert.Equal(2, formatExit);
    }

    [Fact]
    public async Task The_cli_compares_two_dates_and_refuses_an_unknown_side()
    {
        var (exit, output, _) = await RunAsync("diff", "--from", "2024-04-02", "--to", "2024-04-03", "--format", "md");
        var (badExit, _, badError) = await RunAsync("diff", "--from", "snapshot:nope", "--format", "csv");

        Assert.Equal(0, exit);
        Assert.Contains("| Hungary | ukraine-fund | unknown | opposes |", output);
        Assert.Contains("consensus status open → blocked", output);
        Assert.Equal(1, badExit);
        Assert.Contains("--from:", badError);
    }
}
