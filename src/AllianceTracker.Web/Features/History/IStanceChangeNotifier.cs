namespace AllianceTracker.Web.Features.History;

/// <summary>
/// Tells open pages, live streams and caches that the stance history changed: in-process for one
/// app instance on SQLite, numbered by the file (<see cref="SqliteStanceChangeNotifier"/>), through
/// PostgreSQL's LISTEN/NOTIFY for several (<see cref="PostgresStanceChangeNotifier"/>).
/// </summary>
public interface IStanceChangeNotifier
{
    /// <summary>
    /// Called by the write path inside its transaction, just before it commits: a notifier that
    /// announces through the database does it here, so a change is announced if and only if it
    /// commits. <see cref="PublishAsync"/> follows the commit either way.
    /// </summary>
    Task EnlistAsync(Data.AllianceDbContext db, StanceChangeNotice notice, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Called once the database is migrated, before any request is served: a notifier whose versions
    /// live in the database starts from there (so event ids go on across restarts).
    /// </summary>
    Task StartFromDatabaseAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// True while this instance hears every committed change (on PostgreSQL: its listening
    /// connection is open). An instance that does not is not ready for readers (/healthz/ready).
    /// </summary>
    bool IsConnected => true;

    /// <summary>The data version the database is at (for the lag behind it in /metrics); null where the notifier does not keep one.</summary>
    Task<long?> ReadDatabaseVersionAsync(CancellationToken cancellationToken) => Task.FromResult<long?>(null);

    /// <summary>Grows with every published change; readers compare it to know whether what they hold is current.</summary>
    long Version { get; }

    /// <summary>
    /// Subscribe to changes; dispose the result to unsubscribe. Notices arrive in order, one at a
    /// time, on a queue of the subscriber's own: a slow subscriber delays only itself, and one that
    /// falls too far behind gets a single resync notice instead of the ones it missed.
    /// </summary>
    IDisposable Subscribe(Func<StanceChangeNotice, Task> onChanged);

    /// <summary>Announces a committed change; returns without waiting for any subscriber.</summary>
    Task PublishAsync(StanceChangeNotice notice);

    /// <summary>
    /// The notices published after <paramref name="version"/>, for a listener that reconnects; null
    /// when they are no longer remembered (or the version is not one of this notifier's), so the
    /// listener must resync.
    /// </summary>
    IReadOnlyList<StanceChangeNotice>? Since(long version);
}
