using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace AllianceTracker.Load;

/// <summary>
/// The two-instance mode (<c>--cluster</c>): deploy/cluster.sh with the published build (PostgreSQL,
/// two instances, nginx), live streams split across both instances, edits saved on the first, and
/// reading throughput through nginx against one instance alone, in interleaved rounds.
/// </summary>
internal static partial class ClusterLoad
{
    private static readonly TimeSpan EditSpacing = TimeSpan.FromSeconds(3);

    public static async Task RunAsync(string appDll, int streams, int edits, TimeSpan throughputDuration, int rounds, string folder)
    {
        var report = new Report();
        Console.WriteLine($"AllianceTracker load harness, two instances — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        await using var cluster = await Cluster.StartAsync(appDll);
        Console.WriteLine($"  nginx {cluster.Nginx}, instances {string.Join(", ", cluster.Instances)}");

        // Streams split across the instances, edits saved on the first: every stream must hear every edit.
        await using var onA = new LiveStreams(cluster.Instances[0]);
        await using var onB = new LiveStreams(cluster.Instances[1]);
        await onA.OpenAsync(streams / 2);
        await onB.OpenAsync(streams - streams / 2);
        var editor = await Editor.SignInAsync(cluster.Instances[0], "editor@cluster.test", cluster.EditorPassword);
        var heardOnA = new List<TimeSpan>();
        var heardOnB = new List<TimeSpan>();
        var saves = new List<TimeSpan>();
        var missed = 0;
        for (var i = 0; i < edits; i++)
        {
            var version = Math.Max(onA.LatestVersion, onB.LatestVersion) + 1;
            var (startedA, startedB) = (onA.Now, onB.Now);
            saves.Add(await editor.SaveAsync(i));
            await Task.WhenAll(onA.WaitForAsync(version, TimeSpan.FromSeconds(10)), onB.WaitForAsync(version, TimeSpan.FromSeconds(10)));
            missed += Collect(onA.Of(version), startedA, heardOnA) + Collect(onB.Of(version), startedB, heardOnB);
            var rest = EditSpacing - (onA.Now - startedA);
            if (rest > TimeSpan.Zero)
            {
                await Task.Delay(rest);
            }
        }

        report.Line($"{streams:N0} streams, half on each instance: save on A → event on A", $"p50 {Ms(Percentile(heardOnA, 50))}, p95 {Ms(Percentile(heardOnA, 95))}");
        report.Budget($"{streams:N0} streams, half on each instance: save on A → event on B", $"p50 {Ms(Percentile(heardOnB, 50))}, p95 {Ms(Percentile(heardOnB, 95))}, last {Ms(heardOnB.Count > 0 ? heardOnB.Max() : TimeSpan.MaxValue)}, missed {missed} of {edits * streams:N0}",
            "p95 ≤ 1 s, none missed", Percentile(heardOnB, 95) <= TimeSpan.FromSeconds(1) && missed == 0);
        report.Line("the save itself (on PostgreSQL, streams open)", $"p50 {Ms(Percentile(saves, 50))}, p95 {Ms(Percentile(saves, 95))}");
        await onA.DisposeAsync();
        await onB.DisposeAsync();

        // Reading throughput: one instance directly, and both behind nginx, each round side by side.
        (string Label, Uri Address, string Path)[] targets =
        [
            ("static file, one instance", cluster.Instances[0], "_content/MudBlazor/MudBlazor.min.js"),
            ("dashboard, one instance", cluster.Instances[0], ""),
            ("dashboard, two instances behind nginx", cluster.Nginx, ""),
            ("positions API, one instance", cluster.Instances[0], "api/v1/positions"),
            ("positions API, two instances behind nginx", cluster.Nginx, "api/v1/positions"),
        ];
        foreach (var (_, address, path) in targets)
        {
            await Throughput.MeasureAsync(address, path, uncached: false, TimeSpan.FromSeconds(2), folder);
        }

        var results = targets.Select(_ => new List<double>()).ToArray();
        for (var round = 0; round < rounds; round++)
        {
            for (var i = 0; i < targets.Length; i++)
            {
                results[i].Add((await Throughput.MeasureAsync(targets[i].Address, targets[i].Path, uncached: false, throughputDuration, folder)).PerSecond);
            }
        }

        for (var i = 0; i < targets.Length; i++)
        {
            var versus = i is 2 or 4 ? $" = {Median(results[i].Select((r, round) => r / results[i - 1][round])):0.00}× one instance" : "";
            report.Line($"{targets[i].Label} (cached)", $"{Median(results[i]):N0} req/s{versus}");
        }

        report.Print();
    }

    private static int Collect(IReadOnlyList<(TimeSpan? Heard, TimeSpan? Shown)> streams, TimeSpan started, List<TimeSpan> heard)
    {
        var missed = 0;
        foreach (var (when, _) in streams)
        {
            if (when is { } h)
            {
                heard.Add(h - started);
            }
            else
            {
                missed++;
            }
        }

        return missed;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted[sorted.Count / 2];
    }

    private static TimeSpan Percentile(List<TimeSpan> values, int percent)
    {
        if (values.Count == 0)
        {
            return TimeSpan.MaxValue;
        }

        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(percent / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    private static string Ms(TimeSpan value) => value == TimeSpan.MaxValue ? "—" : $"{value.TotalMilliseconds:0.0} ms";

    /// <summary>deploy/cluster.sh, run until disposed (TERM, as Ctrl+C, so it stops everything it started).</summary>
    private sealed partial class Cluster : IAsyncDisposable
    {
        private readonly Process _process;

        private Cluster(Process process, Uri nginx, IReadOnlyList<Uri> instances, string editorPassword)
        {
            (_process, Nginx, Instances, EditorPassword) = (process, nginx, instances, editorPassword);
        }

        public Uri Nginx { get; }

        public IReadOnlyList<Uri> Instances { get; }

        public string EditorPassword { get; }

        public static async Task<Cluster> StartAsync(string appDll)
        {
            var root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", ".."));
            var start = new ProcessStartInfo(Path.Combine(root, "deploy", "cluster.sh")) { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in new[] { "--port", "18080", "--app", appDll, "--throwaway" })
            {
                start.ArgumentList.Add(argument);
            }

            // Every reader the harness plays comes from 127.0.0.1 (through nginx): lift the per-address
            // stream limit the instances inherit, as the single-instance mode does.
            start.Environment["Live__StreamsPerClient"] = "1000000";
            var process = Process.Start(start)!;
            var instances = new List<Uri>();
            string? passwordFile = null;
            process.ErrorDataReceived += (_, e) => Console.Error.WriteLine(e.Data);
            process.BeginErrorReadLine();
            while (await process.StandardOutput.ReadLineAsync() is { } line)
            {
                Console.WriteLine("  " + line);
                if (InstanceLine().Match(line) is { Success: true } instance)
                {
                    instances.Add(new Uri($"http://{instance.Groups[1].Value}/"));
                }
                else if (PasswordFileLine().Match(line) is { Success: true } file)
                {
                    passwordFile = file.Groups[1].Value;
                }
                else if (line.StartsWith("READY ", StringComparison.Ordinal))
                {
                    _ = process.StandardOutput.ReadToEndAsync();
                    var password = File.ReadAllLines(passwordFile!).Single(l => l.StartsWith("password:", StringComparison.Ordinal))["password:".Length..].Trim();
                    return new Cluster(process, new Uri(line["READY ".Length..].Trim() + "/"), instances, password);
                }
            }

            throw new InvalidOperationException($"deploy/cluster.sh stopped before it was ready (exit {process.ExitCode}).");
        }

        public async ValueTask DisposeAsync()
        {
            using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync();
            }

            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
            _process.Dispose();
        }

        [GeneratedRegex(@"instance \d+ on (\S+)$")]
        private static partial Regex InstanceLine();

        [GeneratedRegex(@"sign-in is in (\S+)$")]
        private static partial Regex PasswordFileLine();
    }
}
