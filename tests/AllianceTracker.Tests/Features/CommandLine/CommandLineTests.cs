using System.Net.Http.Json;
using AllianceTracker.Tests.Support;
using Xunit.Abstractions;

namespace AllianceTracker.Tests.Features.CommandLine;

public sealed class CommandLineTests(ITestOutputHelper output) : FreshAppTest(output)
{
    [Fact]
    public async Task Help_lists_every_command_and_exits_0()
    {
        var (exit, output, _) = await App.RunCommandAsync("", "--help");

        Assert.Equal(0, exit);
        Assert.All(["users", "export", "import", "snapshot", "diff"], command => Assert.Contains(command, output));
    }

    [Fact]
    public async Task A_command_explains_its_own_options()
    {
        var (exit, output, _) = await App.RunCommandAsync("", "export", "--help");

        Assert.Equal(0, exit);
        Assert.Contains("--format", output);
        Assert.Contains("--as-of", output);
    }

    [Theory]
    [InlineData("an unknown command", "frobnicate")]
    [InlineData("a missing subcommand", "snapshot")]
    [InlineData("a missing required option", "snapshot", "create", "--as-of", "2024-07-09")]
    [InlineData("an unknown format", "export", "--format", "pdf")]
    [InlineData("a date that is not a date", "export", "--format", "csv", "--as-of", "9 July")]
    [InlineData("an unknown option", "export", "--format", "csv", "--colour", "red")]
    public async Task Bad_usage_exits_2_with_the_problem_and_writes_nothing(string because, params string[] args)
    {
        var (exit, output, error) = await App.RunCommandAsync("", args);

        Assert.True(exit == 2, $"{because}: exit {exit}");
        Assert.Contains("--help", error);
        Assert.Equal("", output);
    }

    [Fact]
    public async Task Export_writes_the_picture_as_of_a_date_to_a_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"alliance-export-{Guid.NewGuid():N}.csv");
        try
        {
            var (exit, output, _) = await App.RunCommandAsync("", "export", "--format", "csv", "--as-of", "2024-04-02", "--out", path);

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
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Export_and_diff_refuse_to_replace_a_file_without_force_and_say_so()
    {
        var path = Path.Combine(Path.GetTempPath(), $"alliance-export-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, "kept");
        try
        {
            var (exit, output, error) = await App.RunCommandAsync("", "export", "--format", "csv", "--out", path);
            var (diffExit, _, diffError) = await App.RunCommandAsync("", "diff", "--from", "2024-04-02", "--to", "now", "--format", "csv", "--out", path);

            Assert.Equal(1, exit);
            Assert.Equal("", output);
            Assert.Equal($"Nothing was done: {path} already exists; choose a new name, or add --force to replace it.", error.Trim());
            Assert.Equal(1, diffExit);
            Assert.Contains("add --force", diffError);
            Assert.Equal("kept", await File.ReadAllTextAsync(path));

            var (forced, _, _) = await App.RunCommandAsync("", "export", "--format", "csv", "--out", path, "--force");
            Assert.Equal(0, forced);
            Assert.StartsWith("as_of,member,", await File.ReadAllTextAsync(path));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_relative_out_path_lands_where_the_command_was_run_not_in_the_apps_folder()
    {
        // dotnet run starts the app in the project's folder; the caller's shell says where they are.
        var caller = Directory.CreateTempSubdirectory("alliance-caller-").FullName;
        var database = Path.Combine(Path.GetTempPath(), "alliance-tracker-tests", Guid.NewGuid().ToString("N"), "alliance-tracker.db");
        try
        {
            var (exit, output, error) = await AppProcess.RunAsync(database, new Dictionary<string, string> { ["PWD"] = caller }, "export", "--format", "csv", "--out", "brief.csv");

            Assert.True(exit == 0, error);
            Assert.True(File.Exists(Path.Combine(caller, "brief.csv")), output);
            Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(database)!, "brief.csv")));
        }
        finally
        {
            Directory.Delete(caller, recursive: true);
            Directory.Delete(Path.GetDirectoryName(database)!, recursive: true);
        }
    }

    [Fact]
    public async Task A_dry_run_import_reports_what_it_would_change_and_a_bad_file_exits_1_with_the_path()
    {
        var good = Path.Combine(Path.GetTempPath(), $"alliance-import-{Guid.NewGuid():N}.json");
        var bad = Path.Combine(Path.GetTempPath(), $"alliance-import-{Guid.NewGuid():N}.json");
        try
        {
            var export = await App.Anonymous().GetStringAsync("/api/v1/exports/current.json");
            await File.WriteAllTextAsync(good, export);
            await File.WriteAllTextAsync(bad, export.Replace("\"version\":2", "\"version\":7"));

            var (goodExit, goodOutput, _) = await App.RunCommandAsync("", "import", "--dry-run", good);
            var (badExit, _, badError) = await App.RunCommandAsync("", "import", "--dry-run", bad);
            var (missingExit, _, missingError) = await App.RunCommandAsync("", "import", "/no/such/file.json");

            Assert.Equal(0, goodExit);
            Assert.Contains("Would add 0 stance changes", goodOutput);
            Assert.Equal(1, badExit);
            Assert.Contains("$.version: this server reads versions 1 and 2", badError);
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
    public async Task Snapshot_create_prints_the_permalink_and_the_hash()
    {
        var (exit, output, _) = await App.RunCommandAsync("", "snapshot", "create", "--title", "Nightly", "--as-of", "2024-07-09");

        Assert.Equal(0, exit);
        Assert.Matches("Snapshot [a-z0-9]{10} \\(2024-07-09\\) at /snapshots/[a-z0-9]{10}", output);
        Assert.Matches("SHA-256 [0-9a-f]{64}", output);
        // Readers see where it came from, not "a former editor".
        var listed = await App.Anonymous().GetFromJsonAsync<List<System.Text.Json.Nodes.JsonNode>>("/api/v1/snapshots");
        Assert.Equal("the command line", (string?)Assert.Single(listed!)["createdBy"]);
    }

    [Fact]
    public async Task Diff_compares_two_dates_and_refuses_an_unknown_side_with_exit_1()
    {
        var (exit, output, _) = await App.RunCommandAsync("", "diff", "--from", "2024-04-02", "--to", "2024-04-03", "--format", "md");
        var (badExit, _, badError) = await App.RunCommandAsync("", "diff", "--from", "snapshot:nope", "--format", "csv");

        Assert.Equal(0, exit);
        Assert.Contains("| From | date | 2024-04-02 |  |", output);
        Assert.Contains("| To | date | 2024-04-03 |  |", output);
        Assert.Contains("Generated by `alliance-tracker diff --from 2024-04-02 --to 2024-04-03`.", output);
        Assert.Contains("| Hungary | €100bn five-year fund for Ukraine | Unknown | Opposes | 2024-04-03 (approximate) | “One potential obstacle to consensus is Hungary, which has rejected the NATO proposals.” — ICARO Media Group |", output);
        Assert.Contains("- **€100bn five-year fund for Ukraine**: Not yet tabled → Blocked", output);
        Assert.Equal(1, badExit);
        Assert.Contains("--from:", badError);
    }
}

/// <summary>The built app as a process: what a person typing <c>dotnet run -- …</c> gets.</summary>
public sealed class ProgramCommandLineTests
{
    [Fact]
    public async Task An_unknown_word_exits_2_and_never_starts_the_web_server()
    {
        var (exit, output, error) = await RunAppAsync("frobnicate");

        Assert.Equal(2, exit);
        Assert.Contains("frobnicate", error);
        Assert.DoesNotContain("Now listening", output + error);
    }

    [Fact]
    public async Task Help_is_answered_without_a_server()
    {
        var (exit, output, _) = await RunAppAsync("--help");

        Assert.Equal(0, exit);
        Assert.Contains("snapshot", output);
        Assert.DoesNotContain("Now listening", output);
    }

    [Fact]
    public async Task An_export_to_standard_output_holds_only_the_export_and_the_log_goes_to_standard_error()
    {
        var (exit, output, error) = await RunAppAsync("export", "--format", "csv", "--as-of", "2024-04-02");

        Assert.Equal(0, exit);
        Assert.StartsWith("as_of,member,", output);
        Assert.Contains("is at the latest migration", error);
    }

    private static async Task<(int Exit, string Output, string Error)> RunAppAsync(params string[] args)
    {
        var directory = Path.Combine(Path.GetTempPath(), "alliance-tracker-tests", Guid.NewGuid().ToString("N"));
        try
        {
            return await AppProcess.RunAsync(Path.Combine(directory, "alliance-tracker.db"), args);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
