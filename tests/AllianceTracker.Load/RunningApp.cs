using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AllianceTracker.Load;

/// <summary>
/// The app under load: a Release build started as its own process in Production on a loopback
/// port, on a temporary SQLite database it migrates and seeds itself, with one editor account.
/// </summary>
public sealed class RunningApp : IAsyncDisposable
{
    public const string EditorEmail = "load-editor@example.org";
    public const string EditorPassword = "a-long-enough-load-passphrase";

    private readonly Process _process;

    private RunningApp(Process process, Uri address, TimeSpan firstStart, TimeSpan restart)
    {
        _process = process;
        Address = address;
        FirstStartToFirstByte = firstStart;
        RestartToFirstByte = restart;
    }

    public Uri Address { get; }

    public int ProcessId => _process.Id;

    /// <summary>From process start to the dashboard's first byte on a new database (migrate and seed).</summary>
    public TimeSpan FirstStartToFirstByte { get; }

    /// <summary>The same on the database a previous start left: how a deployed app restarts.</summary>
    public TimeSpan RestartToFirstByte { get; }

    public static async Task<RunningApp> StartAsync(string appDll, string workFolder)
    {
        var database = Path.Combine(workFolder, "load.db");
        // The account first, through the app's own command line (it migrates the database too).
        var users = await RunToEndAsync(appDll, database, ["users", "add", "--email", EditorEmail, "--display-name", "Load harness editor", "--role", "Editor"]);
        if (users != 0)
        {
            throw new InvalidOperationException($"users add exited {users}");
        }

        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port}/");
        var (first, firstStart) = await StartUntilFirstByteAsync(appDll, database, address);
        first.Kill(entireProcessTree: true);
        await first.WaitForExitAsync();
        first.Dispose();
        var (process, restart) = await StartUntilFirstByteAsync(appDll, database, address);
        return new RunningApp(process, address, firstStart, restart);
    }

    private static async Task<(Process Process, TimeSpan ToFirstByte)> StartUntilFirstByteAsync(string appDll, string database, Uri address)
    {
        var clock = Stopwatch.StartNew();
        var process = Process.Start(Start(appDll, database, [], address))!;
        Drain(process);
        using var client = new HttpClient();
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with {process.ExitCode} before answering.");
            }

            try
            {
                using var response = await client.GetAsync(address, HttpCompletionOption.ResponseHeadersRead);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return (process, clock.Elapsed);
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(25);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static async Task<int> RunToEndAsync(string appDll, string database, string[] args)
    {
        using var process = Process.Start(Start(appDll, database, args, null))!;
        Drain(process);
        await process.WaitForExitAsync();
        return process.ExitCode;
    }

    // Read and dropped: an undrained pipe would block the app once its buffer is full.
    private static void Drain(Process process)
    {
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is { Length: > 0 } text)
            {
                Console.Error.WriteLine("  app: " + text);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    private static ProcessStartInfo Start(string appDll, string database, string[] args, Uri? address)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(appDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(appDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Database__Path"] = database;
        start.Environment["ALLIANCE_TRACKER_PASSWORD"] = EditorPassword;
        // One client address makes every sign-in one rate-limit partition.
        start.Environment["Access__SignInAttemptsPerMinute"] = "100000";
        // The harness's thousands of readers all come from 127.0.0.1: lift the per-address stream
        // limit (16 for one real reader) so it measures streams, not the flood guard.
        start.Environment["Live__StreamsPerClient"] = "1000000";
        // Quiet: request logging at Information would measure the console, not the app.
        start.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        start.Environment["Serilog__MinimumLevel__Override__Microsoft.Hosting.Lifetime"] = "Warning";
        if (address is not null)
        {
            start.Environment["ASPNETCORE_URLS"] = address.ToString().TrimEnd('/');
        }

        return start;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
