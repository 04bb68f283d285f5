using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace AllianceTracker.Tests.Shared;

/// <summary>
/// The real app, on its own SQLite file in a temporary folder, set through configuration. On start
/// the app migrates that file and imports the seeds, exactly as on a fresh machine; the file starts
/// as a copy of one that the app itself migrated and seeded once per test run, so each app pays
/// for that only once.
/// </summary>
public class AllianceAppFactory : WebApplicationFactory<Program>
{
    private static readonly string TestsRoot = Path.Combine(Path.GetTempPath(), "alliance-tracker-tests");
    private static readonly Lazy<string> SeededDatabase = new(CreateSeededDatabase, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string _directory = Path.Combine(TestsRoot, Guid.NewGuid().ToString("N"));
    private readonly bool _startsFromSeededCopy;

    public AllianceAppFactory()
        : this(startsFromSeededCopy: true, OnPostgreSqlByDefault ? PostgresServer.Instance.CreateSeededDatabase() : null)
    {
    }

    /// <summary>
    /// ALLIANCE_TRACKER_TESTS_DATABASE=PostgreSQL: every app the tests start runs on PostgreSQL (a
    /// seeded copy, or an empty database for <see cref="OnEmptyFolder"/>) — test.sh's second pass.
    /// </summary>
    public static bool OnPostgreSqlByDefault => string.Equals(Environment.GetEnvironmentVariable("ALLIANCE_TRACKER_TESTS_DATABASE"), "PostgreSQL", StringComparison.OrdinalIgnoreCase);

    private AllianceAppFactory(bool startsFromSeededCopy, string? postgreSql = null) =>
        (_startsFromSeededCopy, PostgreSqlConnectionString) = (startsFromSeededCopy, postgreSql);

    /// <summary>With <see cref="OnPostgreSql"/>: the app's database on the throwaway server; otherwise null (SQLite).</summary>
    public string? PostgreSqlConnectionString { get; }

    public string DatabasePath => Path.Combine(_directory, "alliance-tracker.db");

    /// <summary>More configuration for this app (e.g. <c>Live:StreamsPerClient</c>), set last.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>The app's log lines, in the output of the test that <see cref="LogTo"/> names.</summary>
    public TestOutputLog OutputLog { get; } = new();

    /// <summary>From now on, the app's log lines go to this test's output (call it from the test class's constructor).</summary>
    public AllianceAppFactory LogTo(Xunit.Abstractions.ITestOutputHelper output)
    {
        OutputLog.Current = output;
        return this;
    }

    /// <summary>Every Error-level line the app logged: tests that use the app as people do expect none.</summary>
    public RecordedErrors ErrorsLogged { get; } = new();

    /// <summary>Leave the database folder behind when the app stops (for tests that go on with the stopped app's files, and delete them).</summary>
    public bool KeepsFilesAfterStopping { get; init; }

    /// <summary>The app on an empty folder, as on a fresh machine: it migrates and seeds as it starts.</summary>
    public static AllianceAppFactory OnEmptyFolder() => new(startsFromSeededCopy: false, OnPostgreSqlByDefault ? PostgresServer.Instance.CreateDatabase() : null);

    /// <summary>
    /// The app on a new, empty PostgreSQL database (<see cref="PostgresServer"/>): it migrates and
    /// seeds as it starts. Give <paramref name="database"/> to start a second instance on the same one.
    /// </summary>
    public static AllianceAppFactory OnPostgreSql(string? database = null) =>
        new(startsFromSeededCopy: false, database ?? PostgresServer.Instance.CreateDatabase());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_directory);
        if (_startsFromSeededCopy && PostgreSqlConnectionString is null && !File.Exists(DatabasePath))
        {
            File.Copy(SeededDatabase.Value, DatabasePath);
        }

        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Path", DatabasePath);
        // The tests' own dataset, not the product's seed (tests/TestData/dataset/README.md).
        builder.UseSetting("Database:SeedsPath", TestDataset.FolderName);
        if (PostgreSqlConnectionString is not null)
        {
            builder.UseSetting("Database:Provider", "PostgreSQL");
            builder.UseSetting("ConnectionStrings:PostgreSQL", PostgreSqlConnectionString);
        }

        // Test hosts have no client address, so every test shares one rate-limit partition.
        builder.UseSetting("Access:SignInAttemptsPerMinute", "10000");
        // The demo editor is for people trying the app by hand, not for tests.
        builder.UseSetting("Access:CreateDemoEditor", "false");
        // No snapshot of the scheduler's own in tests that count snapshots; its tests turn it on.
        builder.UseSetting("Snapshots:DailyAtUtc", "off");
        // Tests sign in hundreds of times; the hash stays PBKDF2 through Identity, with fewer rounds.
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1_000);
            services.AddSingleton<Serilog.Core.ILogEventSink>(ErrorsLogged);
            services.AddSingleton<Serilog.Core.ILogEventSink>(OutputLog);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            SqliteConnection.ClearAllPools();
            if (PostgreSqlConnectionString is not null)
            {
                // Idle connections would otherwise stay open for minutes, and hundreds of apps exhaust the server.
                Npgsql.NpgsqlConnection.ClearAllPools();
            }

            if (!KeepsFilesAfterStopping)
            {
                DeleteQuietly(_directory);
            }
        }
    }

    /// <summary>Starts the app once on an empty folder (it migrates and seeds), then keeps a consistent copy of its database.</summary>
    private static string CreateSeededDatabase()
    {
        var copy = Path.Combine(TestsRoot, $"seeded-{Guid.NewGuid():N}.db");
        using (var app = OnEmptyFolder())
        {
            // The host answers while the database initializes, and holds requests until it is done:
            // one answered request means migrated and seeded.
            using var client = app.CreateClient();
            client.GetAsync("/api/v1/members").GetAwaiter().GetResult().EnsureSuccessStatusCode();
            using var source = new SqliteConnection($"Data Source={app.DatabasePath};Pooling=False");
            using var target = new SqliteConnection($"Data Source={copy};Pooling=False");
            source.Open();
            target.Open();
            source.BackupDatabase(target);
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(copy);
        return copy;
    }

    private static void DeleteQuietly(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left to the OS temp cleaner; it must not fail the run.
        }
    }
}
