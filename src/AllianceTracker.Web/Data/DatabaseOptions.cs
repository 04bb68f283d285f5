namespace AllianceTracker.Web.Data;

/// <summary>Which database the tracker keeps its data in.</summary>
public enum DatabaseProvider
{
    /// <summary>An embedded file: nothing to set up, one app process per file (the default).</summary>
    Sqlite,

    /// <summary>A database server: several app instances on one database (docs/deployment.md).</summary>
    PostgreSQL,
}

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
}
