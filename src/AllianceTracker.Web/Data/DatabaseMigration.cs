using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AllianceTracker.Web.Data;

public static partial class DatabaseMigration
{
    /// <summary>
    /// Brings the database to the latest migration (migrations only: the schema is never created any
    /// other way). On SQLite, first puts the file in WAL mode and checks that it is.
    /// </summary>
    public static async Task MigrateAllianceDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var dbFactory = services.GetRequiredService<IDbContextFactory<AllianceDbContext>>();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            await EnsureWriteAheadLogAsync((SqliteConnection)db.Database.GetDbConnection(), cancellationToken);
        }

        await db.Database.MigrateAsync(cancellationToken);
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("AllianceTracker.Database");
        var path = db.Database.GetDbConnection().DataSource; // Once per start: cheap enough to read unguarded.
        Log.AtLatestMigration(logger, path);
    }

    /// <summary>
    /// WAL mode, which SQLite keeps in the file: readers read the last committed state while a
    /// writer writes, instead of waiting for its lock (ADR 0014). Set when the file is created and
    /// checked at every start, so a file restored from anywhere is brought to it too; a file that
    /// cannot be (a read-only folder, a network file system) stops the start rather than serve
    /// readers who wait behind every save.
    /// </summary>
    public static async Task EnsureWriteAheadLogAsync(SqliteConnection connection, CancellationToken cancellationToken = default)
    {
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(cancellationToken);
        }

        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode = WAL";
            var mode = (string?)await command.ExecuteScalarAsync(cancellationToken);
            if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"SQLite would not put {connection.DataSource} in WAL mode (it stays in '{mode}' mode): readers would wait behind every save. Is the folder on a local, writable file system?");
            }
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Database {DatabasePath} is at the latest migration, journal in WAL mode where SQLite")]
        public static partial void AtLatestMigration(ILogger logger, string databasePath);
    }
}
