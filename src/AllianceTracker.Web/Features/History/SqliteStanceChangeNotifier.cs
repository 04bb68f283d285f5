using System.Runtime.CompilerServices;
using System.Text.Json;
using AllianceTracker.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AllianceTracker.Web.Features.History;

/// <summary>
/// Change notices for the one app instance on a SQLite file, numbered by the file: the writer's
/// transaction moves the data version (one row, and SQLite has one writer at a time, so versions
/// follow commit order) and keeps the notice among the last few hundred. After a restart the
/// instance starts from that version and those notices, so a reader reconnecting with
/// <c>Last-Event-ID</c> is sent exactly what it missed, and event ids never start again at 1
/// (issue 29). Fan-out is the <see cref="InProcessStanceChangeNotifier"/>'s.
/// </summary>
public sealed class SqliteStanceChangeNotifier(IDbContextFactory<AllianceDbContext> dbFactory, ILoggerFactory loggers, TimeProvider clock)
    : IStanceChangeNotifier
{
    private const string VersionSql = "SELECT value AS \"Value\" FROM alliance_data_version WHERE id = 1";

    private readonly InProcessStanceChangeNotifier _local = new(loggers.CreateLogger<InProcessStanceChangeNotifier>(), clock);
    // Notices this instance enlisted, with the version their transaction gave them.
    private readonly ConditionalWeakTable<StanceChangeNotice, StrongBox<long>> _enlisted = [];

    public long Version => _local.Version;

    public async Task<long?> ReadDatabaseVersionAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return (await db.Database.SqlQueryRaw<long>(VersionSql).ToListAsync(cancellationToken)).Single();
    }

    public IDisposable Subscribe(Func<StanceChangeNotice, Task> onChanged) => _local.Subscribe(onChanged);

    public IReadOnlyList<StanceChangeNotice>? Since(long version) => _local.Since(version);

    public async Task StartFromDatabaseAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var version = (await db.Database.SqlQueryRaw<long>(VersionSql).ToListAsync(cancellationToken)).Single();
        var rows = await db.Database.SqlQueryRaw<RememberedRow>(
            "SELECT version AS \"Version\", notice AS \"Notice\" FROM alliance_recent_notices ORDER BY version DESC LIMIT {0}", InProcessStanceChangeNotifier.RememberedNotices)
            .ToListAsync(cancellationToken);
        _local.StartFrom(version, rows.Select(r => JsonSerializer.Deserialize<NoticeJson.NoticePayload>(r.Notice, NoticeJson.Options)!.ToNotice(r.Version)));
    }

    public async Task EnlistAsync(AllianceDbContext db, StanceChangeNotice notice, CancellationToken cancellationToken)
    {
        var version = (await db.Database.SqlQueryRaw<long>("UPDATE alliance_data_version SET value = value + 1 WHERE id = 1 RETURNING value AS \"Value\"").ToListAsync(cancellationToken)).Single();
        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO alliance_recent_notices (version, notice) VALUES ({0}, {1}); DELETE FROM alliance_recent_notices WHERE version <= {0} - {2}",
            [version, JsonSerializer.Serialize(NoticeJson.Payload(notice), NoticeJson.Options), InProcessStanceChangeNotifier.RememberedNotices],
            cancellationToken);
        _enlisted.AddOrUpdate(notice, new StrongBox<long>(version));
    }

    /// <summary>
    /// A notice enlisted in its writer's transaction has its version; any other (an account change)
    /// is numbered now, in a transaction of its own. Delivered in version order either way.
    /// </summary>
    public async Task PublishAsync(StanceChangeNotice notice)
    {
        if (!_enlisted.TryGetValue(notice, out var version))
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await EnlistAsync(db, notice, CancellationToken.None);
            await transaction.CommitAsync();
            _enlisted.TryGetValue(notice, out version);
        }

        _local.Deliver(notice with { Version = version!.Value });
    }

    private sealed record RememberedRow(long Version, string Notice);
}
