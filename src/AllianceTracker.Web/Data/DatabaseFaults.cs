using Microsoft.Data.Sqlite;
using Npgsql;

namespace AllianceTracker.Web.Data;

/// <summary>
/// Faults that say "the database cannot take this write now" rather than "this write is wrong":
/// busy or locked past the busy timeout, full, read-only, or unreachable. They pass; the caller
/// answers 503 with Retry-After (the API) or keeps the form and says try again (the UI).
/// </summary>
public static class DatabaseFaults
{
    /// <summary>How long a write waits for another writer's lock before giving up (SQLite's busy timeout).</summary>
    public const int BusyTimeoutSeconds = 5;

    /// <summary>What the API's Retry-After says, in seconds.</summary>
    public const int RetryAfterSeconds = 5;

    public const string Message = "The database is busy or cannot take changes right now, so nothing was saved. What you typed is still here: try again in a few seconds.";

    // SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY, SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN.
    private static readonly HashSet<int> Unavailable = [5, 6, 8, 10, 13, 14];

    // PostgreSQL: a row lock not granted within lock_timeout, a read-only server (a standby), a full
    // disk, too many connections, a server shutting down or starting; and whatever Npgsql itself
    // calls transient (the connection dropped, a timeout).
    private static readonly HashSet<string> PostgresUnavailable = ["55P03", "25006", "53100", "53200", "53300", "57P01", "57P02", "57P03", "40001", "40P01"];

    public static bool IsUnavailable(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if ((e is SqliteException sqlite && Unavailable.Contains(sqlite.SqliteErrorCode))
                || (e is PostgresException postgres && (PostgresUnavailable.Contains(postgres.SqlState) || postgres.SqlState.StartsWith("08", StringComparison.Ordinal)))
                || e is NpgsqlException { IsTransient: true })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>SQLite could not write because the connection or the files are read-only.</summary>
    public static bool IsReadOnly(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is SqliteException { SqliteErrorCode: 8 })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>An exception in one sentence for an operator: a busy database named as such, anything else by its innermost message.</summary>
    public static string Describe(Exception exception)
    {
        if (IsUnavailable(exception))
        {
            return "the database is busy or cannot take changes right now; try again in a few seconds.";
        }

        var innermost = exception;
        while (innermost.InnerException is not null)
        {
            innermost = innermost.InnerException;
        }

        return innermost.Message;
    }
}
