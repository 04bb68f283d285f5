using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using AllianceTracker.Tests.Shared;
using AllianceTracker.Tests.Support;
using Xunit.Abstractions;

namespace AllianceTracker.Tests.Data;

/// <summary>
/// A cluster test that timed out in a loaded CI run left its PostgreSQL (parent: init) and
/// temporary folder running for 1 h 50 min (issue 29). deploy/cluster.sh leaves nothing behind
/// when it is stopped while still starting, nor when the process that started it dies.
/// </summary>
public sealed partial class ClusterCleanupTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Stopped_while_it_is_still_starting_the_cluster_leaves_no_process_and_no_folder()
    {
        using var script = Start(Path.Combine(RepositoryRoot.Path, "deploy", "cluster.sh"), "--port", AppProcess.FreePort().ToString(CultureInfo.InvariantCulture), "--no-build", "--throwaway");
        var folder = await FolderAsync(script);

        // Before READY: PostgreSQL is up, the instances are starting.
        using (var term = Process.Start("kill", ["-TERM", script.Id.ToString(CultureInfo.InvariantCulture)])!)
        {
            await term.WaitForExitAsync();
        }

        await script.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        await AssertNothingLeftAsync(folder);
    }

    [Fact]
    public async Task With_its_parent_gone_the_cluster_stops_everything_and_deletes_its_folder()
    {
        // A test host stands for the parent: a shell that starts the cluster and is then killed
        // with SIGKILL, as a test run that hangs is killed.
        var port = AppProcess.FreePort().ToString(CultureInfo.InvariantCulture);
        using var parent = Start("bash", "-c", $"'{Path.Combine(RepositoryRoot.Path, "deploy", "cluster.sh")}' --port {port} --no-build --throwaway --with-parent & wait");
        var folder = await FolderAsync(parent, untilReady: true);

        parent.Kill(); // SIGKILL to the shell only: the cluster is orphaned.
        await parent.WaitForExitAsync();
        await AssertNothingLeftAsync(folder);
    }

    private static Process Start(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = RepositoryRoot.Path, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start)!;
    }

    /// <summary>The cluster's folder, from its first line about PostgreSQL (and, if asked, once it says READY).</summary>
    private async Task<string> FolderAsync(Process script, bool untilReady = false)
    {
        string? folder = null;
        using var ceiling = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        while (await script.StandardOutput.ReadLineAsync(ceiling.Token) is { } line)
        {
            output.WriteLine(line);
            if (PostgresLine().Match(line) is { Success: true } match)
            {
                folder = match.Groups[1].Value;
                if (!untilReady)
                {
                    break;
                }
            }

            if (untilReady && line.StartsWith("READY ", StringComparison.Ordinal))
            {
                break;
            }
        }

        Assert.NotNull(folder);
        // Keep reading, so the script never blocks on a full pipe.
        _ = script.StandardOutput.ReadToEndAsync();
        _ = script.StandardError.ReadToEndAsync();
        return folder;
    }

    private async Task AssertNothingLeftAsync(string folder)
    {
        var waited = Stopwatch.StartNew();
        List<string> left;
        do
        {
            left = ProcessesOf(folder);
            if (left.Count == 0 && !Directory.Exists(folder))
            {
                output.WriteLine($"nothing left of {folder} after {waited.Elapsed.TotalSeconds:F1} s");
                return;
            }

            await Task.Delay(250);
        }
        while (waited.Elapsed < TimeSpan.FromSeconds(60));

        Assert.Fail($"60 s later {folder} {(Directory.Exists(folder) ? "still exists" : "is gone")} and these still run:\n{string.Join('\n', left)}");
    }

    /// <summary>Every process whose command line or environment names the cluster's folder (PostgreSQL's -D, nginx's prefix, the instances' ALLIANCE_CLUSTER_DATA).</summary>
    private static List<string> ProcessesOf(string folder)
    {
        var found = new List<string>();
        foreach (var directory in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid) || pid == Environment.ProcessId)
            {
                continue;
            }

            try
            {
                var commandLine = File.ReadAllText(Path.Combine(directory, "cmdline")).Replace('\0', ' ');
                var environment = File.ReadAllText(Path.Combine(directory, "environ"));
                var state = File.ReadAllLines(Path.Combine(directory, "status")).FirstOrDefault(l => l.StartsWith("State:", StringComparison.Ordinal)) ?? "";
                if (state.Contains("zombie", StringComparison.Ordinal))
                {
                    continue; // Exited; only its parent's reaping is pending.
                }

                if (commandLine.Contains(folder, StringComparison.Ordinal) || environment.Contains(folder, StringComparison.Ordinal))
                {
                    found.Add($"{pid}: {commandLine}");
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Gone meanwhile.
            }
        }

        return found;
    }

    [GeneratedRegex(@"PostgreSQL on \S+ \((.+)/pg\)")]
    private static partial Regex PostgresLine();
}
