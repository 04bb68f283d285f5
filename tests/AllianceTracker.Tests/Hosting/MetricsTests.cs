using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AllianceTracker.Tests.Shared;
using AllianceTracker.Tests.Support;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace AllianceTracker.Tests.Hosting;

/// <summary>
/// <c>/metrics</c> (issue 29): nothing could be watched or alerted on. The figures an operator
/// watches, in Prometheus's text format, moving with what happens; refused to anyone but this
/// machine (or a configured network); scraped by a real Prometheus; the shipped rules checked.
/// </summary>
public sealed partial class MetricsTests(ITestOutputHelper output) : FreshAppTest(output)
{
    private static readonly string[] Exposed =
    [
        "alliance_live_streams_open", "alliance_live_stream_ceiling", "alliance_live_streams_refused_total", "alliance_live_events_sent_total",
        "alliance_live_resyncs_total", "alliance_saves_total", "alliance_save_duration_seconds_bucket", "alliance_output_cache_requests_total",
        "alliance_output_cache_hits_total", "alliance_circuits_open", "alliance_change_listener_connected", "alliance_data_version",
        "alliance_data_version_lag", "alliance_database_unavailable_total", "http_requests_received_total", "http_request_duration_seconds_bucket",
        "process_cpu_seconds_total",
    ];

    [Fact]
    public async Task Every_figure_an_operator_watches_is_exposed_and_moves_with_saves_streams_and_cached_reads()
    {
        var editor = await App.SignedInAsync("Editor");
        var reader = App.CreateClient();
        var before = Parse(await reader.GetStringAsync("/metrics"));
        foreach (var name in Exposed)
        {
            Assert.True(before.Keys.Any(k => k == name || k.StartsWith(name + "{", StringComparison.Ordinal)), $"{name} is not in /metrics");
        }

        // A save, an open stream that hears it, the same anonymous page read twice.
        using var stream = await reader.GetAsync("/api/v1/changes/stream", HttpCompletionOption.ResponseHeadersRead);
        var cell = await editor.GetFromJsonAsync<JsonObject>("/api/v1/stances/cell?member=SVK&proposal=ukraine-fund");
        var saved = await editor.PostAsJsonAsync("/api/v1/stances", new
        {
            member = "SVK", proposal = "ukraine-fund", stance = "supports", effectiveDate = "2024-06-02", reason = "Metrics test.",
            evidence = new[] { new { source = "icaro-2024-04-stoltenberg-ukraine-fund", excerpt = "An excerpt." } },
            expectedVersion = (Guid?)cell!["version"],
        });
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        var stale = await editor.PostAsJsonAsync("/api/v1/stances", new
        {
            member = "SVK", proposal = "ukraine-fund", stance = "opposes", effectiveDate = "2024-06-03", reason = "Metrics test, from a stale version.",
            evidence = new[] { new { source = "icaro-2024-04-stoltenberg-ukraine-fund", excerpt = "An excerpt." } },
            expectedVersion = (Guid?)cell!["version"],
        });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        await reader.GetStringAsync("/members/SVK");
        await reader.GetStringAsync("/members/SVK");
        var heard = await WaitForAsync(reader, m => Value(m, "alliance_live_events_sent_total") >= Value(before, "alliance_live_events_sent_total") + 1);

        Assert.Equal(1, Value(heard, "alliance_live_streams_open"));
        Assert.Equal(10_000, Value(heard, "alliance_live_stream_ceiling"));
        Assert.Equal(Value(before, "alliance_saves_total{outcome=\"saved\"}") + 1, Value(heard, "alliance_saves_total{outcome=\"saved\"}"));
        Assert.Equal(Value(before, "alliance_saves_total{outcome=\"conflict\"}") + 1, Value(heard, "alliance_saves_total{outcome=\"conflict\"}"));
        Assert.Equal(Value(before, "alliance_save_duration_seconds_count") + 2, Value(heard, "alliance_save_duration_seconds_count"));
        Assert.True(Value(heard, "alliance_output_cache_hits_total") >= Value(before, "alliance_output_cache_hits_total") + 1, "the second read of the page came from the cache");
        Assert.True(Value(heard, "alliance_output_cache_requests_total") >= Value(before, "alliance_output_cache_requests_total") + 2);
        Assert.Equal(1, Value(heard, "alliance_change_listener_connected"));
        Assert.Equal(Value(before, "alliance_data_version") + 1, Value(heard, "alliance_data_version"));
        Assert.Equal(0, Value(heard, "alliance_data_version_lag"));
        Assert.Contains(heard.Keys, k => k.StartsWith("http_requests_received_total{", StringComparison.Ordinal) && k.Contains("code=\"409\"", StringComparison.Ordinal));
    }

    [Fact]
    [Trait("Database", "SqliteOnly")]
    public async Task A_real_Prometheus_scrapes_the_app_and_reads_its_figures_back_while_a_scrape_through_a_proxy_from_outside_is_refused()
    {
        var folder = Path.Combine(Path.GetTempPath(), "alliance-tracker-tests", "prometheus-" + Guid.NewGuid().ToString("N"));
        var database = Path.Combine(folder, "app", "alliance-tracker.db");
        var appAddress = new Uri($"http://127.0.0.1:{AppProcess.FreePort()}/");
        var prometheusAddress = new Uri($"http://127.0.0.1:{AppProcess.FreePort()}/");
        using var app = Process.Start(AppProcess.StartInfo(database, new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Production" }, appAddress.ToString().TrimEnd('/')))!;
        Process? prometheus = null;
        try
        {
            app.OutputDataReceived += (_, _) => { };
            app.ErrorDataReceived += (_, _) => { };
            app.BeginOutputReadLine();
            app.BeginErrorReadLine();
            using var client = new HttpClient { BaseAddress = appAddress, Timeout = TimeSpan.FromSeconds(30) };
            await AppProcess.WaitUntilReadyAsync(client, app);

            // From this machine: served. Through a proxy on this machine for a reader elsewhere
            // (nginx passes every path and says who asked): refused, as for anyone outside.
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("metrics")).StatusCode);
            using var fromOutside = new HttpRequestMessage(HttpMethod.Get, "metrics");
            fromOutside.Headers.Add("X-Forwarded-For", "203.0.113.9");
            Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(fromOutside)).StatusCode);

            // The shipped scrape configuration, pointed at this app, scraping every second.
            var shipped = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "deploy", "prometheus", "prometheus.yml"));
            var config = ScrapeTimeout().Replace(ScrapeInterval().Replace(shipped, "scrape_interval: 1s"), "scrape_timeout: 1s");
            config = TargetsList().Replace(config, $"targets: ['127.0.0.1:{appAddress.Port}']\n");
            Assert.Contains($"127.0.0.1:{appAddress.Port}", config);
            Directory.CreateDirectory(folder);
            var configFile = Path.Combine(folder, "prometheus.yml");
            await File.WriteAllTextAsync(configFile, config);
            File.Copy(Path.Combine(RepositoryRoot.Path, "deploy", "prometheus", "alerts.yml"), Path.Combine(folder, "alerts.yml"));
            var start = new ProcessStartInfo("prometheus") { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var argument in new[] { $"--config.file={configFile}", $"--storage.tsdb.path={Path.Combine(folder, "data")}", $"--web.listen-address=127.0.0.1:{prometheusAddress.Port}" })
            {
                start.ArgumentList.Add(argument);
            }

            prometheus = Process.Start(start)!;
            var log = new System.Text.StringBuilder();
            prometheus.ErrorDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
            prometheus.OutputDataReceived += (_, _) => { };
            prometheus.BeginErrorReadLine();
            prometheus.BeginOutputReadLine();

            using var query = new HttpClient { BaseAddress = prometheusAddress, Timeout = TimeSpan.FromSeconds(10) };
            var deadline = Stopwatch.StartNew();
            double? ceiling = null, up = null;
            while (deadline.Elapsed < TimeSpan.FromSeconds(60) && (ceiling is null || up is null))
            {
                Assert.False(prometheus.HasExited, $"Prometheus exited: {log}");
                ceiling = await QueryAsync(query, "alliance_live_stream_ceiling{job=\"alliancetracker\"}");
                up = await QueryAsync(query, "up{job=\"alliancetracker\"}");
                await Task.Delay(500);
            }

            Output.WriteLine($"Prometheus read alliance_live_stream_ceiling={ceiling}, up={up} after {deadline.Elapsed.TotalSeconds:F1} s");
            Assert.Equal(10_000, ceiling);
            Assert.Equal(1, up);
        }
        finally
        {
            if (prometheus is { HasExited: false })
            {
                prometheus.Kill(entireProcessTree: true);
                await prometheus.WaitForExitAsync();
            }

            prometheus?.Dispose();
            app.Kill(entireProcessTree: true);
            await app.WaitForExitAsync();
            SqliteConnection.ClearAllPools();
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Theory]
    [InlineData("check", "config", "deploy/prometheus/prometheus.yml")]
    [InlineData("check", "rules", "deploy/prometheus/alerts.yml")]
    [InlineData("test", "rules", "deploy/prometheus/alerts.test.yml")]
    public async Task The_shipped_scrape_configuration_alert_rules_and_their_tests_pass_promtool(string verb, string what, string file)
    {
        var start = new ProcessStartInfo("promtool") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryRoot.Path };
        foreach (var argument in new[] { verb, what, file })
        {
            start.ArgumentList.Add(argument);
        }

        using var promtool = Process.Start(start)!;
        var said = await promtool.StandardOutput.ReadToEndAsync() + await promtool.StandardError.ReadToEndAsync();
        await promtool.WaitForExitAsync();
        Output.WriteLine(said);
        Assert.True(promtool.ExitCode == 0, said);
        Assert.Contains("SUCCESS", said);
    }

    [Fact]
    public void Every_metric_the_alert_rules_and_the_dashboard_use_is_one_the_app_exposes()
    {
        var rules = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "deploy", "prometheus", "alerts.yml"));
        var dashboard = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "deploy", "grafana", "alliancetracker.json"));
        JsonDocument.Parse(dashboard).Dispose();
        // (alliance_changes is PostgreSQL's notification channel, named in a description, not a metric.)
        var used = AllianceMetric().Matches(rules + dashboard).Select(m => m.Value).Where(n => n != "alliance_changes").ToHashSet();

        Assert.NotEmpty(used);
        var exposedBases = Exposed.Select(n => n.Replace("_bucket", "", StringComparison.Ordinal)).ToHashSet();
        Assert.All(used, name => Assert.True(
            exposedBases.Contains(name) || exposedBases.Contains(name.Replace("_count", "", StringComparison.Ordinal).Replace("_sum", "", StringComparison.Ordinal).Replace("_bucket", "", StringComparison.Ordinal)),
            $"{name} is used by the rules or the dashboard but not exposed"));
    }

    private static async Task<double?> QueryAsync(HttpClient prometheus, string expression)
    {
        try
        {
            var answer = await prometheus.GetFromJsonAsync<JsonObject>("api/v1/query?query=" + Uri.EscapeDataString(expression));
            var result = answer?["data"]?["result"]?.AsArray();
            return result is { Count: > 0 } ? double.Parse((string)result[0]!["value"]![1]!, CultureInfo.InvariantCulture) : null;
        }
        catch (HttpRequestException)
        {
            return null; // Not listening yet.
        }
    }

    private static async Task<Dictionary<string, double>> WaitForAsync(HttpClient client, Func<Dictionary<string, double>, bool> condition)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var metrics = Parse(await client.GetStringAsync("/metrics"));
            if (condition(metrics) || deadline.Elapsed > TimeSpan.FromSeconds(10))
            {
                return metrics;
            }

            await Task.Delay(50);
        }
    }

    private static double Value(Dictionary<string, double> metrics, string series) =>
        metrics.TryGetValue(series, out var value) ? value : throw new Xunit.Sdk.XunitException($"{series} is not in /metrics");

    /// <summary>The text format: one "name{labels} value" line per series; comments skipped.</summary>
    private static Dictionary<string, double> Parse(string text) => text.Split('\n')
        .Where(line => line.Length > 0 && line[0] != '#')
        .Select(line => (Series: line[..line.LastIndexOf(' ')], Value: line[(line.LastIndexOf(' ') + 1)..]))
        .GroupBy(p => p.Series)
        .ToDictionary(g => g.Key, g => double.Parse(g.First().Value, CultureInfo.InvariantCulture));

    [GeneratedRegex(@"targets:[ \t]*\n(?:[ \t]*- .*\n)+")]
    private static partial Regex TargetsList();

    [GeneratedRegex(@"scrape_interval:\s*\S+")]
    private static partial Regex ScrapeInterval();

    [GeneratedRegex(@"scrape_timeout:\s*\S+")]
    private static partial Regex ScrapeTimeout();

    [GeneratedRegex(@"\balliance_[a-z_]+")]
    private static partial Regex AllianceMetric();
}
