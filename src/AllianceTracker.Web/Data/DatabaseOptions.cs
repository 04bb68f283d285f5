namespace AllianceTracker.Web.Data;

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>The connection string's name under <c>ConnectionStrings</c> when <see cref="Provider"/> is PostgreSQL.</summary>
    public const string PostgreSqlConnectionName = "PostgreSQL";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>The SQLite file; relative paths are resolved against the content root.</summary>
    public string Path { get; set; } = "data/alliance-tracker.db";

    /// <summary>The seed dataset folder; relative paths are resolved against the app's binaries.</summary>
    public string SeedsPath { get; set; } = "seeds";

    /// <summary>Apply migrations and import the seeds at start-up.</summary>
    public bool InitializeOnStartup { get; set; } = true;

    /// <summary><c>ConnectionStrings:PostgreSQL</c>, with a timeout on commands like SQLite's busy timeout.</summary>
    public static string PostgreSqlConnectionString(IConfiguration configuration)
    {
        var text = configuration.GetConnectionString(PostgreSqlConnectionName);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new InvalidOperationException(
                $"Database:Provider is PostgreSQL but ConnectionStrings:{PostgreSqlConnectionName} is not set, e.g. \"Host=127.0.0.1;Port=5432;Database=alliance_tracker;Username=alliance\" (docs/deployment.md).");
        }

        var connection = new Npgsql.NpgsqlConnectionStringBuilder(text) { ApplicationName = "AllianceTracker" };
        // As SQLite's busy timeout: a write waits this long for another's row lock, then fails and is a 503.
        connection.Options ??= $"-c lock_timeout={DatabaseFaults.BusyTimeoutSeconds}s";
        return connection.ConnectionString;
    }
}
