using Microsoft.Data.Sqlite;

namespace AllianceTracker.Web.Data;

/// <summary>
/// The SQLite file itself: created private (0600, in a 0700 folder: it holds password hashes and
/// the cookie keys), held by the serving app so that a restore cannot pull it from under it, copied
/// consistently while the app runs, and restored with the previous file kept.
/// </summary>
public sealed class DatabaseFile(string path) : IDisposable
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private FileStream? _servingLock;

    public string Path { get; } = path;

    private string LockPath => Path + ".serving";

    /// <summary>A file only its owner can read or write, created so from the start (no moment with a wider mode).</summary>
    public static FileStream CreateOwnerOnly(string path, FileMode mode)
    {
        var options = new FileStreamOptions { Mode = mode, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }

        return new FileStream(path, options);
    }

    public void Dispose()
    {
        _servingLock?.Dispose();
        _servingLock = null;
    }

    /// <summary>Creates the folder and an empty database file with owner-only permissions; tightens an existing file's.</summary>
    public void EnsurePrivate()
    {
        var folder = System.IO.Path.GetDirectoryName(Path)!;
        if (!Directory.Exists(folder))
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(folder);
            }
            else
            {
                Directory.CreateDirectory(folder, OwnerOnlyFolder);
            }
        }

        if (!File.Exists(Path))
        {
            // An empty file is an empty SQLite database; SQLite gives its -wal and -shm the same mode.
            using var created = CreateOwnerOnly(Path, FileMode.CreateNew);
        }
        else if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(Path) & ~OwnerOnly) != 0)
        {
            File.SetUnixFileMode(Path, OwnerOnly);
        }
    }

    /// <summary>Held for as long as the web app serves this file; <see cref="RestoreAsync"/> refuses while it is.</summary>
    public void HoldWhileServing()
    {
        try
        {
            _servingLock = new FileStream(LockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (IOException ex)
        {
            throw new InvalidOperationException($"Another AllianceTracker is already serving {Path}: SQLite allows one app per file (docs/operations.md).", ex);
        }
    }

    /// <summary>
    /// A consistent copy of the live database, taken while the app runs (VACUUM INTO reads one
    /// snapshot of the file, WAL included), written owner-only and checked. Refuses to overwrite.
    /// <paramref name="target"/> is a full path (<see cref="OutputFile.Resolve(string)"/>).
    /// </summary>
    public async Task<long> BackUpAsync(string target, CancellationToken cancellationToken = default)
    {
        // Made inside an owner-only folder, checked, then moved into place: never readable by others,
        // never half there, never over an existing file or through a link (OutputFile).
        await OutputFile.MakeAsync(target, force: false, async inside =>
        {
            await using var connection = new SqliteConnection($"Data Source={Path};Mode=ReadOnly;Pooling=False;Default Timeout={DatabaseFaults.BusyTimeoutSeconds}");
            await connection.OpenAsync(cancellationToken);
            await using var vacuum = connection.CreateCommand();
            vacuum.CommandText = "VACUUM INTO $target";
            vacuum.Parameters.AddWithValue("$target", inside);
            await vacuum.ExecuteNonQueryAsync(cancellationToken);

            // VACUUM INTO writes a rollback-journal file: the copy is put in WAL mode like the
            // original, so a restored file serves readers the same way from its first start.
            await using var copy = new SqliteConnection($"Data Source={inside};Pooling=False");
            await DatabaseMigration.EnsureWriteAheadLogAsync(copy, cancellationToken);
        }, inside => CheckAsync(inside, cancellationToken));
        return new FileInfo(target).Length;
    }

    /// <summary>
    /// Replaces the database with <paramref name="source"/> after checking it (integrity, and that it
    /// is an AllianceTracker database). The app must be stopped. The previous file (and its -wal,
    /// -shm) is kept beside it, renamed; nothing is deleted.
    /// </summary>
    public async Task<RestoreResult> RestoreAsync(string source, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        source = System.IO.Path.GetFullPath(source);
        if (!File.Exists(source))
        {
            throw new InvalidOperationException($"{source} does not exist.");
        }

        if (await CheckAsync(source, cancellationToken) is { } problem)
        {
            throw new InvalidOperationException($"{source} cannot be restored: {problem}");
        }

        // Held while restoring, so the app cannot start on a half-copied file either.
        HoldWhileServing();
        try
        {
            SqliteConnection.ClearAllPools();
            string? keptAs = null;
            if (File.Exists(Path))
            {
                keptAs = $"{Path}.before-restore-{nowUtc:yyyyMMdd'T'HHmmss'Z'}";
                foreach (var suffix in new[] { "", "-wal", "-shm" })
                {
                    if (File.Exists(Path + suffix))
                    {
                        File.Move(Path + suffix, keptAs + suffix);
                    }
                }
            }

            File.Copy(source, Path);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(Path, OwnerOnly);
            }

            if (keptAs is not null)
            {
                await MovePastEverythingIssuedAsync(keptAs, Path, cancellationToken);
            }

            return new RestoreResult(keptAs);
        }
        finally
        {
            await _servingLock!.DisposeAsync();
            _servingLock = null;
        }
    }

    /// <summary>
    /// After a restore, nothing the replaced database gave out is given out again: every id sequence
    /// (entries, sources, decisions …) moves past the highest either file issued, so a permalink or
    /// feed entry that named an id of a discarded change never comes to name another; and the data
    /// version moves past the replaced one's, with no notices remembered, so every reader holding an
    /// event id from before the restore is told to read everything again (issue 29).
    /// </summary>
    private static async Task MovePastEverythingIssuedAsync(string replaced, string restored, CancellationToken cancellationToken)
    {
        var issued = new Dictionary<string, long>();
        long? replacedVersion = null;
        await using (var old = new SqliteConnection($"Data Source={replaced};Mode=ReadOnly;Pooling=False"))
        {
            await old.OpenAsync(cancellationToken);
            await using var sequences = old.CreateCommand();
            sequences.CommandText = "SELECT name, seq FROM sqlite_sequence";
            await using (var reader = await sequences.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    issued[reader.GetString(0)] = reader.GetInt64(1);
                }
            }

            if (await HasTableAsync(old, "alliance_data_version", cancellationToken))
            {
                await using var read = old.CreateCommand();
                read.CommandText = "SELECT value FROM alliance_data_version WHERE id = 1";
                replacedVersion = (long?)await read.ExecuteScalarAsync(cancellationToken);
            }
        }

        await using var target = new SqliteConnection($"Data Source={restored};Pooling=False");
        await target.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await target.BeginTransactionAsync(cancellationToken);
        foreach (var (table, seq) in issued)
        {
            await using var move = target.CreateCommand();
            move.Transaction = transaction;
            move.CommandText = """
                UPDATE sqlite_sequence SET seq = max(seq, $seq) WHERE name = $name;
                INSERT INTO sqlite_sequence (name, seq) SELECT $name, $seq
                  WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = $name)
                    AND EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = $name);
                """;
            move.Parameters.AddWithValue("$name", table);
            move.Parameters.AddWithValue("$seq", seq);
            await move.ExecuteNonQueryAsync(cancellationToken);
        }

        if (replacedVersion is { } version && await HasTableAsync(target, "alliance_data_version", cancellationToken))
        {
            await using var move = target.CreateCommand();
            move.Transaction = transaction;
            move.CommandText = "UPDATE alliance_data_version SET value = max(value, $version) + 1 WHERE id = 1; DELETE FROM alliance_recent_notices;";
            move.Parameters.AddWithValue("$version", version);
            await move.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task<bool> HasTableAsync(SqliteConnection connection, string table, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = $name";
        command.Parameters.AddWithValue("$name", table);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))! > 0;
    }

    /// <summary>Null when the file passes SQLite's integrity check and holds the tracker's tables; otherwise what is wrong.</summary>
    public static async Task<string?> CheckAsync(string file, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
            await connection.OpenAsync(cancellationToken);
            await using var integrity = connection.CreateCommand();
            integrity.CommandText = "PRAGMA integrity_check";
            var result = (string?)await integrity.ExecuteScalarAsync(cancellationToken);
            if (result != "ok")
            {
                return $"SQLite's integrity check says: {result}";
            }

            await using var tables = connection.CreateCommand();
            tables.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('__EFMigrationsHistory', 'StanceChanges', 'Members')";
            return (long)(await tables.ExecuteScalarAsync(cancellationToken))! == 3 ? null : "it is not an AllianceTracker database (its tables are missing).";
        }
        catch (SqliteException ex)
        {
            return $"it is not a readable SQLite database ({ex.Message}).";
        }
    }
}
