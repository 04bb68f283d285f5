using System.Runtime.CompilerServices;
using System.Text.Json;
using AllianceTracker.Web.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AllianceTracker.Web.Features.History;

/// <summary>
/// Change notices for several app instances on one PostgreSQL database. The writer's transaction
/// moves the data version (one row, so versions follow the order of commits) and sends
/// <c>NOTIFY alliance_changes</c> with the version and the cells, which PostgreSQL delivers at
/// commit and drops on rollback: every instance hears exactly the changes that committed, its own
/// included, through one listening connection, and fans them out to its own streams, circuits and
/// caches (an <see cref="InProcessStanceChangeNotifier"/> does that part). When the listening
/// connection drops, the instance reconnects, reads the version, and tells its subscribers to
/// resync if it moved meanwhile.
/// </summary>
public sealed partial class PostgresStanceChangeNotifier(IConfiguration configuration, ILoggerFactory loggers)
    : IStanceChangeNotifier, IHostedService, IAsyncDisposable, IDisposable
{
    public const string Channel = "alliance_changes";

    /// <summary>How long to wait before listening again after the connection dropped.</summary>
    public static readonly TimeSpan ReconnectAfter = TimeSpan.FromSeconds(1);

    private const string VersionSql = "SELECT value FROM alliance_data_version WHERE id = 1";

    // NOTIFY payloads are limited to 8,000 bytes; more cells than this are sent as "anything may have changed".
    private const int MaxCellsInPayload = 150;

    private readonly InProcessStanceChangeNotifier _local = new(loggers.CreateLogger<InProcessStanceChangeNotifier>());
    private readonly ILogger _logger = loggers.CreateLogger<PostgresStanceChangeNotifier>();
    // Notices this instance enlisted, with the version their transaction gave them.
    private readonly ConditionalWeakTable<StanceChangeNotice, StrongBox<long>> _enlisted = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource _listened = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task? _listening;
    // Cut short to try again at once (after the start-up's migration made the version's table).
    private CancellationTokenSource _retryNow = new();
    private int _disposed;

    public long Version => _local.Version;

    /// <summary>True while the listening connection is open (for tests and the logs).</summary>
    public bool IsListening { get; private set; }

    public bool IsConnected => IsListening;

    /// <summary>
    /// After the start-up's migration: listens now (the first try may have found no version table)
    /// and waits up to 10 s for it, so the instance serves no reader before it hears changes.
    /// </summary>
    public async Task StartFromDatabaseAsync(CancellationToken cancellationToken)
    {
        var retry = Interlocked.Exchange(ref _retryNow, new CancellationTokenSource());
        await retry.CancelAsync(); // (Not disposed: the listening loop may still be linking to it.)
        await _listened.Task.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public async Task<long?> ReadDatabaseVersionAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(DatabaseOptions.PostgreSqlConnectionString(configuration));
        await connection.OpenAsync(cancellationToken);
        await using var read = new NpgsqlCommand(VersionSql, connection);
        return (long?)await read.ExecuteScalarAsync(cancellationToken);
    }

    public IDisposable Subscribe(Func<StanceChangeNotice, Task> onChanged) => _local.Subscribe(onChanged);

    public IReadOnlyList<StanceChangeNotice>? Since(long version) => _local.Since(version);

    public async Task EnlistAsync(AllianceDbContext db, StanceChangeNotice notice, CancellationToken cancellationToken)
    {
        var version = (await db.Database.SqlQueryRaw<long>(NotifySql, [Payload(notice)]).ToListAsync(cancellationToken)).Single();
        _enlisted.AddOrUpdate(notice, new StrongBox<long>(version));
    }

    /// <summary>
    /// A notice enlisted in its writer's transaction was sent at commit; it is also delivered here
    /// at once, so whoever saved reads their own change from this instance straight away (the
    /// same notice coming back through LISTEN is then old news). Any other notice (an account
    /// change) is sent now, in a transaction of its own.
    /// </summary>
    public async Task PublishAsync(StanceChangeNotice notice)
    {
        if (_enlisted.TryGetValue(notice, out var version))
        {
            _local.Deliver(notice with { Version = version.Value });
            return;
        }

        await using var connection = new NpgsqlConnection(DatabaseOptions.PostgreSqlConnectionString(configuration));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(NotifySql.Replace("{0}", "@payload", StringComparison.Ordinal), connection);
        command.Parameters.AddWithValue("payload", Payload(notice));
        _local.Deliver(notice with { Version = (long)(await command.ExecuteScalarAsync())! });
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // A gap that does not fill by itself is read back from the database before it becomes a resync.
        _local.ReadMissed = ReadMissed;

        _listening = Task.Run(() => ListenAsync(_stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    // The token sources are not disposed here: the listener may still be reading them as the host
    // stops. The container disposes them (DisposeAsync) once the listener has ended.
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            return; // The host's services may be disposed before a hosted service is stopped.
        }

        await _stopping.CancelAsync();
        if (_listening is not null)
        {
            await _listening.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>
    /// Stops the listener if it still runs, waits for it to end (it ends at once when cancelled),
    /// then disposes the token sources, which nothing reads any more.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stopping.CancelAsync();
        if (_listening is not null)
        {
            await _listening.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        _stopping.Dispose();
        Volatile.Read(ref _retryNow).Dispose();
    }

    // Only when a container is disposed synchronously; the listener ends at once when cancelled.
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    // One statement: the counter's row lock is held to the commit, so versions are in commit order;
    // the notice is kept among the recent ones (older ones dropped) for instances that missed it.
    private static string NotifySql =>
        "WITH v AS (UPDATE alliance_data_version SET value = value + 1 WHERE id = 1 RETURNING value), "
        + "kept AS (INSERT INTO alliance_recent_notices (version, notice) SELECT v.value, {0} FROM v RETURNING version), "
        + "pruned AS (DELETE FROM alliance_recent_notices WHERE version <= (SELECT value FROM v) - " + InProcessStanceChangeNotifier.RememberedNotices + "), "
        + "sent AS (SELECT pg_notify('" + Channel + "', json_build_object('version', v.value, 'notice', {0}::json)::text) FROM v) "
        + "SELECT v.value AS \"Value\" FROM v, sent, kept";

    private static string Payload(StanceChangeNotice notice) => JsonSerializer.Serialize(NoticeJson.Payload(notice, MaxCellsInPayload), NoticeJson.Options);

    private async Task ListenAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(
                    new NpgsqlConnectionStringBuilder(DatabaseOptions.PostgreSqlConnectionString(configuration)) { Pooling = false, KeepAlive = 10 }.ConnectionString);
                await connection.OpenAsync(stopping);
                connection.Notification += (_, e) => Heard(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stopping);
                }

                // Listening first, then reading the version: nothing committed in between is lost.
                await CatchUpAsync(connection, stopping);

                IsListening = true;
                _listened.TrySetResult();
                Log.Listening(_logger, Channel, Version);
                while (!stopping.IsCancellationRequested)
                {
                    await connection.WaitAsync(stopping);
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or IOException or TimeoutException)
            {
                // Also at start-up, before the migration that makes the version's table has run.
                Log.NotListening(_logger, ex.Message, ReconnectAfter);
            }
            finally
            {
                IsListening = false;
            }

            using (var wait = CancellationTokenSource.CreateLinkedTokenSource(stopping, Volatile.Read(ref _retryNow).Token))
            {
                await Task.Delay(ReconnectAfter, wait.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>
    /// At start: the database's version and the notices before it (so a reader reconnecting with
    /// Last-Event-ID after this instance restarted gets exactly what it missed). After a dropped
    /// connection: the notices missed meanwhile, passed on in order — a resync only when the
    /// database no longer remembers them all (issue 29: a PostgreSQL restart resynced every reader).
    /// </summary>
    private async Task CatchUpAsync(NpgsqlConnection connection, CancellationToken stopping)
    {
        long version;
        await using (var read = new NpgsqlCommand(VersionSql, connection))
        {
            version = (long)(await read.ExecuteScalarAsync(stopping))!;
        }

        var started = _local.IsStarted;
        var after = started ? _local.Version : version - InProcessStanceChangeNotifier.RememberedNotices;
        var missed = await ReadRecentAsync(connection, after, version, stopping);

        if (!started)
        {
            _local.StartFrom(version, missed);
        }
        else if (Covers(missed, after, version))
        {
            foreach (var notice in missed)
            {
                _local.Deliver(notice);
            }
        }
        else
        {
            _local.CatchUpTo(version);
        }
    }

    /// <summary>A gap that did not fill: the notices after <paramref name="after"/> up to <paramref name="upTo"/>, or null unless the database still has them all.</summary>
    private async Task<IReadOnlyList<StanceChangeNotice>?> ReadMissed(long after, long upTo)
    {
        await using var connection = new NpgsqlConnection(DatabaseOptions.PostgreSqlConnectionString(configuration));
        await connection.OpenAsync();
        var missed = await ReadRecentAsync(connection, after, upTo, CancellationToken.None);
        return Covers(missed, after, upTo) ? missed : null;
    }

    /// <summary>The recent notices the database keeps with versions after <paramref name="after"/> up to <paramref name="upTo"/>, in order.</summary>
    private static async Task<List<StanceChangeNotice>> ReadRecentAsync(NpgsqlConnection connection, long after, long upTo, CancellationToken cancellationToken)
    {
        await using var read = new NpgsqlCommand("SELECT version, notice FROM alliance_recent_notices WHERE version > @after AND version <= @upTo ORDER BY version", connection);
        read.Parameters.AddWithValue("after", after);
        read.Parameters.AddWithValue("upTo", upTo);
        await using var rows = await read.ExecuteReaderAsync(cancellationToken);
        var notices = new List<StanceChangeNotice>();
        while (await rows.ReadAsync(cancellationToken))
        {
            notices.Add(JsonSerializer.Deserialize<NoticeJson.NoticePayload>(rows.GetString(1), NoticeJson.Options)!.ToNotice(rows.GetInt64(0)));
        }

        return notices;
    }

    /// <summary>Every version after <paramref name="after"/> up to <paramref name="upTo"/> is there, none missing.</summary>
    private static bool Covers(List<StanceChangeNotice> notices, long after, long upTo) =>
        notices.Count == upTo - after && (notices.Count == 0 || notices[0].Version == after + 1);

    private void Heard(string payload)
    {
        try
        {
            var message = JsonSerializer.Deserialize<Message>(payload, NoticeJson.Options)!;
            _local.Deliver(message.Notice.ToNotice(message.Version));
        }
        catch (Exception ex) when (ex is JsonException or NullReferenceException or IndexOutOfRangeException)
        {
            Log.MalformedNotice(_logger, ex, Channel);
        }
    }

    private sealed record Message(long Version, NoticeJson.NoticePayload Notice);

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Listening for changes from every instance on PostgreSQL channel {Channel} at data version {Version}")]
        public static partial void Listening(ILogger logger, string channel, long version);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Not listening for changes ({Reason}); trying again in {Delay}")]
        public static partial void NotListening(ILogger logger, string reason, TimeSpan delay);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored a malformed change notice on {Channel}")]
        public static partial void MalformedNotice(ILogger logger, Exception exception, string channel);
    }
}
