using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace AllianceTracker.Tests.Shared;

/// <summary>
/// A throwaway PostgreSQL server for the tests: Debian's <c>postgresql</c> binaries (test.sh
/// installs them when missing), a new cluster in a temporary folder on a free loopback port, started
/// once per test process on first use and stopped (folder deleted) when the process exits. Run as
/// the <c>postgres</c> user when the tests run as root (the server refuses root). Each test asks
/// for a database of its own.
/// </summary>
public sealed class PostgresServer
{
    private static readonly Lazy<PostgresServer> Shared = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string _directory;
    private readonly string _binaries;

    private PostgresServer(string directory, string binaries, int port)
    {
        (_directory, _binaries, Port) = (directory, binaries, port);
    }

    public static PostgresServer Instance => Shared.Value;

    public int Port { get; }

    /// <summary>The server's own database, to create others from.</summary>
    public string AdminConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=false";

    /// <summary>A new, empty database; its connection string.</summary>
    public string CreateDatabase(string? template = null)
    {
        var name = "alliance_" + Guid.NewGuid().ToString("N")[..16];
        using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE DATABASE {name}{(template is null ? "" : $" TEMPLATE {template}")}", connection);
            command.ExecuteNonQuery();
        }

        // Small pools: a test run starts hundreds of apps, each with a pool of its own.
        return $"Host=127.0.0.1;Port={Port};Username=postgres;Database={name};Maximum Pool Size=10";
    }

    /// <summary>
    /// A new database as the app leaves it after migrating and seeding an empty one: a copy of a
    /// template the app itself made once per test run (PostgreSQL copies a database in milliseconds).
    /// </summary>
    public string CreateSeededDatabase() => CreateDatabase(_seededTemplate.Value);

    private readonly Lazy<string> _seededTemplate = new(() => MakeSeededTemplate(), LazyThreadSafetyMode.ExecutionAndPublication);

    private static string MakeSeededTemplate()
    {
        var database = Instance.CreateDatabase();
        using (var app = AllianceAppFactory.OnPostgreSql(database))
        {
            using var client = app.CreateClient();
            client.GetAsync("/healthz/ready").GetAwaiter().GetResult().EnsureSuccessStatusCode();
        }

        // A template may have no connection open: the app's pools are closed with it.
        NpgsqlConnection.ClearAllPools();
        return new NpgsqlConnectionStringBuilder(database).Database!;
    }

    private static PostgresServer Start()
    {
        var binaries = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin")).Where(b => File.Exists(Path.Combine(b, "initdb"))).OrderDescending().FirstOrDefault()
            : null;
        if (binaries is null)
        {
            throw new InvalidOperationException("PostgreSQL is not installed: run ./test.sh (it installs Debian's postgresql) or apt-get install -y postgresql.");
        }

        DeleteStoppedServers();
        var directory = Path.Combine(Path.GetTempPath(), FolderPrefix + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(directory);
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            Run("chown", ["postgres:postgres", directory], asPostgres: false);
        }

        var port = FreePort();
        var data = Path.Combine(directory, "data");
        Run(Path.Combine(binaries, "initdb"), ["-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-locale"], asRoot);
        // fsync off: a throwaway server; the sockets' folder is ours, not /run/postgresql.
        Run(Path.Combine(binaries, "pg_ctl"), ["-D", data, "-o", $"-p {port} -k {directory} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=1000", "-l", Path.Combine(directory, "log"), "-w", "start"], asRoot);
        var server = new PostgresServer(directory, binaries, port);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop(asRoot);
        return server;
    }

    private const string FolderPrefix = "alliance-tracker-pg-";

    /// <summary>
    /// A run's folder is deleted when its test process exits, but a test host that ends the process
    /// first leaves it behind (about 4 GB of databases; 75 of them once filled this machine's disk).
    /// Folders whose server has stopped (no postmaster.pid) and that are over ten minutes old — not
    /// one another process is just setting up — go when the next server starts.
    /// </summary>
    private static void DeleteStoppedServers()
    {
        foreach (var folder in Directory.GetDirectories(Path.GetTempPath(), FolderPrefix + "*"))
        {
            if (File.Exists(Path.Combine(folder, "data", "postmaster.pid")) || Directory.GetLastWriteTimeUtc(folder) > DateTime.UtcNow.AddMinutes(-10))
            {
                continue;
            }

            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Another run got there first, or it is not ours to delete: leave it.
            }
        }
    }

    private void Stop(bool asRoot)
    {
        try
        {
            Run(Path.Combine(_binaries, "pg_ctl"), ["-D", Path.Combine(_directory, "data"), "-m", "immediate", "stop"], asRoot);
            Directory.Delete(_directory, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or UnauthorizedAccessException)
        {
            // Left to the OS temp cleaner; it must not fail the run.
        }
    }

    private static void Run(string program, IReadOnlyList<string> arguments, bool asPostgres)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : program) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (asPostgres)
        {
            foreach (var argument in new[] { "-u", "postgres", "--", program })
            {
                start.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = new Process { StartInfo = start };
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => output.AppendLine(e.Data);
        process.ErrorDataReceived += (_, e) => output.AppendLine(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        // With a timeout, not waiting for the pipes to close: the server pg_ctl starts could keep
        // an inherited one open for as long as it runs.
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} did not finish in 2 minutes: {output}");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {output}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
