using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using AllianceTracker.EndToEnd.Infrastructure;
using AllianceTracker.EndToEnd.Pages;
using AllianceTracker.Tests.Shared;
using Microsoft.Playwright;

namespace AllianceTracker.EndToEnd.Cluster;

/// <summary>
/// The cluster deploy/cluster.sh brings up — PostgreSQL, two instances, nginx — driven in Chromium
/// through nginx: an editor's circuit on one instance, a reading page served and streamed by the
/// other, and the reading page updating live when the editor saves.
/// </summary>
public sealed partial class ClusterTests : IAsyncLifetime, IAsyncDisposable
{
    private Process _cluster = null!;
    private readonly List<string> _log = [];
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private Uri _address = null!;
    private string _passwordFile = null!;
    private IPage? _editorPage;
    private readonly List<string> _editorPageEvents = [];

    public async Task InitializeAsync()
    {
        Assertions.SetDefaultExpectTimeout(15_000);
        var root = RepositoryRoot.Path;
        var start = new ProcessStartInfo(Path.Combine(root, "deploy", "cluster.sh")) { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "--port", FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture), "--no-build", "--throwaway", "--with-parent" })
        {
            start.ArgumentList.Add(argument);
        }

        var ready = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        _cluster = new Process { StartInfo = start, EnableRaisingEvents = true };
        _cluster.OutputDataReceived += (_, e) => Heard(e.Data, ready);
        _cluster.ErrorDataReceived += (_, e) => Heard(e.Data, ready);
        _cluster.Exited += (_, _) => ready.TrySetException(new InvalidOperationException("deploy/cluster.sh stopped:\n" + string.Join('\n', _log)));
        _cluster.Start();
        _cluster.BeginOutputReadLine();
        _cluster.BeginErrorReadLine();
        try
        {
            _address = new Uri(await ready.Task.WaitAsync(TimeSpan.FromMinutes(3)));
        }
        catch
        {
            // Not up in time (or stopped): nothing of it may outlive the test — PostgreSQL
            // included, which a timed-out run once left running for hours (issue 29).
            StopCluster();
            throw;
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = BrowserApp.FindChromium(), Headless = true, Args = BrowserApp.ChromiumArgs });
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        StopCluster();
        _cluster.Dispose();

        Assert.False(Directory.Exists(Path.GetDirectoryName(_passwordFile)), "cluster.sh left its folder behind");
    }

    // xunit 2 disposes through IAsyncLifetime.DisposeAsync above and never calls this: it says the
    // class owns what it disposes (CA1001), and it is the method xunit 3 calls.
    ValueTask IAsyncDisposable.DisposeAsync() => new(DisposeAsync());

    [Fact]
    public Task An_editor_on_one_instance_updates_a_reading_page_on_the_other_live_through_nginx() =>
        WithClusterLogsOnFailureAsync(EditorAndReaderAcrossInstancesAsync);

    private async Task EditorAndReaderAcrossInstancesAsync()
    {
        var password = PasswordLine().Match(await File.ReadAllTextAsync(_passwordFile)).Groups[1].Value;
        var editorPage = await NewPageAsync();
        _editorPage = editorPage;
        var signIn = new SignInPage(editorPage);
        await signIn.SignInAsync("editor@cluster.test", password);
        var dashboard = new DashboardPage(editorPage);
        var editorDocument = await editorPage.GotoAsync("/");
        await dashboard.WaitUntilReadyAsync();
        var editorInstance = editorDocument!.Headers["x-alliance-instance"];

        // Readers go to the least busy instance: open reading pages until one streams from the other.
        IPage? readerPage = null;
        for (var attempt = 0; attempt < 6 && readerPage is null; attempt++)
        {
            var candidate = await NewPageAsync();
            var stream = candidate.WaitForResponseAsync(r => r.Url.Contains("/api/v1/changes/stream", StringComparison.Ordinal));
            await candidate.GotoAsync("/");
            var streamedBy = (await stream).Headers["x-alliance-instance"];
            if (streamedBy != editorInstance)
            {
                readerPage = candidate;
            }
        }

        Assert.NotNull(readerPage);
        var reader = new DashboardPage(readerPage);
        await reader.WaitUntilReadyAsync();
        Assert.True(await reader.IsReadingPageAsync());
        await Assertions.Expect(reader.Cell("SVK", "ukraine-fund")).Not.ToHaveAttributeAsync("data-stance", "supports");

        var dialog = await StanceEditDialog.OpenAsync(editorPage, "SVK", "ukraine-fund");
        await dialog.ChooseStanceAsync("Supports");
        await dialog.TypeEffectiveDateAsync(new DateOnly(2024, 4, 20));
        await dialog.TypeAsync("edit-reason", "Bratislava announced it will back the fund.");
        await dialog.ChooseSourceAsync("Bolster Ukraine");
        await dialog.TypeAsync("edit-excerpt", "Slovakia will support the proposed fund, the prime minister said.");
        await dialog.SaveAsync();

        await Assertions.Expect(dashboard.Cell("SVK", "ukraine-fund")).ToHaveAttributeAsync("data-stance", "supports");
        await Assertions.Expect(reader.Cell("SVK", "ukraine-fund")).ToHaveAttributeAsync("data-stance", "supports");

        // The editor's instance dies (kill -9) and its circuit with it. The editor's page comes back
        // by itself — Blazor reloads a page whose circuit no server knows any more — on an instance
        // that is up, and edits work again without the editor doing anything (issue 29).
        var reloaded = editorPage.WaitForRequestAsync(
            r => r.IsNavigationRequest && r.Url.TrimEnd('/') == _address.ToString().TrimEnd('/'), new() { Timeout = 90_000 });
        await KillInstanceAsync(editorInstance);
        await reloaded;
        await dashboard.WaitUntilReadyAsync();
        var again = await StanceEditDialog.OpenAsync(editorPage, "SVK", "ukraine-fund");
        await again.ChooseStanceAsync("Undecided");
        await again.TypeEffectiveDateAsync(new DateOnly(2024, 4, 22));
        await again.TypeAsync("edit-reason", "Bratislava's backing was walked back the next day.");
        await again.ChooseSourceAsync("Bolster Ukraine");
        await again.TypeAsync("edit-excerpt", "Slovakia has not decided, its foreign ministry said.");
        await again.SaveAsync();
        await Assertions.Expect(dashboard.Cell("SVK", "ukraine-fund")).ToHaveAttributeAsync("data-stance", "undecided");
        await Assertions.Expect(reader.Cell("SVK", "ukraine-fund")).ToHaveAttributeAsync("data-stance", "undecided");
    }

    /// <summary>
    /// A failure in a cluster is rarely explained by the assertion alone: it carries the script's
    /// output, what the editor's page did (navigations, console errors) and the end of every log
    /// the cluster kept (instances, nginx, PostgreSQL), read before the folder is deleted.
    /// </summary>
    private async Task WithClusterLogsOnFailureAsync(Func<Task> test)
    {
        try
        {
            await test();
        }
        catch (Exception failure)
        {
            var said = new System.Text.StringBuilder(failure.Message).AppendLine().AppendLine("--- editor's page:");
            lock (_editorPageEvents)
            {
                said.AppendJoin('\n', _editorPageEvents).AppendLine();
            }

            var logs = Path.Combine(Path.GetDirectoryName(_passwordFile) ?? ".", "log");
            foreach (var file in Directory.Exists(logs) ? Directory.GetFiles(logs).Order(StringComparer.Ordinal).ToArray() : [])
            {
                var lines = await File.ReadAllLinesAsync(file);
                said.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"--- {Path.GetFileName(file)} (last 60 of {lines.Length} lines):");
                said.AppendJoin('\n', lines.TakeLast(60)).AppendLine();
            }

            lock (_log)
            {
                said.AppendLine("--- cluster.sh:").AppendJoin('\n', _log);
            }

            throw new Xunit.Sdk.XunitException(said.ToString(), failure);
        }
    }

    /// <summary>kill -9 of the instance named <paramref name="name"/> (its X-Alliance-Instance), found through <c>cluster.sh status</c>.</summary>
    private async Task KillInstanceAsync(string? name)
    {
        var start = new ProcessStartInfo(Path.Combine(RepositoryRoot.Path, "deploy", "cluster.sh")) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "status", "--port", _address.Port.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        using var status = Process.Start(start)!;
        var said = await status.StandardOutput.ReadToEndAsync();
        await status.WaitForExitAsync();
        var pid = Regex.Match(said, $@"instance {Regex.Escape(name ?? "")}: pid (\d+)").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(pid), $"instance {name} is not in cluster.sh status:\n{said}");
        using var kill = Process.Start("kill", ["-KILL", pid])!;
        await kill.WaitForExitAsync();
    }

    /// <summary>TERM, as Ctrl+C: the script stops nginx, the instances and PostgreSQL and deletes its folder.</summary>
    private void StopCluster()
    {
        if (_cluster.HasExited)
        {
            return;
        }

        Process.Start("kill", ["-TERM", _cluster.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();
        if (!_cluster.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            _cluster.Kill(entireProcessTree: true);
        }
    }

    private async Task<IPage> NewPageAsync()
    {
        var context = await _browser.NewContextAsync(new() { BaseURL = _address.ToString(), ViewportSize = new() { Width = 1400, Height = 900 } });
        var page = await context.NewPageAsync();
        page.FrameNavigated += (_, frame) => Note(page, $"navigated to {frame.Url}");
        page.Console += (_, message) => Note(page, $"console {message.Type}: {message.Text}");
        return page;
    }

    private void Note(IPage page, string what)
    {
        if (page == _editorPage)
        {
            lock (_editorPageEvents)
            {
                _editorPageEvents.Add($"{DateTime.UtcNow:HH:mm:ss.fff} {what}");
            }
        }
    }

    private void Heard(string? line, TaskCompletionSource<string> ready)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.Add(line);
        }

        if (SignInFile().Match(line) is { Success: true } file)
        {
            _passwordFile = file.Groups[1].Value;
        }

        if (line.StartsWith("READY ", StringComparison.Ordinal))
        {
            ready.TrySetResult(line["READY ".Length..].Trim());
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"sign-in is in (\S+)$")]
    private static partial Regex SignInFile();

    [GeneratedRegex(@"password: (\S+)")]
    private static partial Regex PasswordLine();
}
