using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AllianceTracker.Web.Data;

/// <summary>
/// A SQLite connection opened while the database files could not be written stays read-only for
/// its whole life, and the pool hands it out again once the files are writable: writes then went
/// on failing with 503 after the disk was fixed (FaultTests, under load). On a read-only failure
/// the pool is cleared, so every connection opened from then on sees the files as they are now.
/// </summary>
public sealed class SqliteReadOnlyRecovery : DbCommandInterceptor
{
    // SQLITE_READONLY.
    private const int ReadOnly = 8;

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Recover(command, eventData.Exception);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Recover(command, eventData.Exception);
        return Task.CompletedTask;
    }

    private static void Recover(DbCommand command, Exception exception)
    {
        if (exception is SqliteException { SqliteErrorCode: ReadOnly } && command.Connection is SqliteConnection connection)
        {
            SqliteConnection.ClearPool(connection);
        }
    }
}
