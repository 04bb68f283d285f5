using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace AllianceTracker.Web.Data.PostgreSql;

/// <summary>
/// Moves a whole SQLite deployment up to PostgreSQL: every table of the model — members, summits,
/// proposals, sources, the history with its evidence and retractions, decisions, revisions,
/// corrections, snapshots, aliases, accounts, roles and the cookie keys — into an empty database, in
/// one transaction, ids kept (so permalinks, feed ids and citations stay valid). Before it commits,
/// every table's rows are counted again in the target and every snapshot's SHA-256 is recomputed
/// from its stored content; any difference rolls the whole copy back.
/// </summary>
public static class DatabaseCopy
{
    public static async Task<DatabaseCopyReport> ToPostgreSqlAsync(AllianceDbContext source, string targetConnection, CancellationToken cancellationToken = default)
    {
        await using var target = new PostgresAllianceDbContext(new DbContextOptionsBuilder<PostgresAllianceDbContext>().UseNpgsql(targetConnection).Options);
        await target.Database.MigrateAsync(cancellationToken);
        var tables = source.Model.GetEntityTypes().Where(t => t.GetTableName() is not null && !t.IsOwned()).OrderBy(t => t.GetTableName(), StringComparer.Ordinal).ToList();
        foreach (var table in tables)
        {
            if (await CountAsync(target, table, cancellationToken) > 0)
            {
                throw new DatabaseCopyException($"The target database is not empty ({table.GetTableName()} has rows): copy into a new, empty database.");
            }
        }

        source.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
        await using var transaction = await target.Database.BeginTransactionAsync(cancellationToken);
        var copied = new List<(string Table, int Rows)>();
        foreach (var table in tables)
        {
            var rows = await Rows(source, table).ToListAsync(cancellationToken);
            target.AddRange(rows);
            copied.Add((table.GetTableName()!, rows.Count));
        }

        // EF orders the inserts by their foreign keys; ids are inserted as they were.
        await target.SaveChangesAsync(cancellationToken);
        foreach (var table in tables)
        {
            if (table.FindPrimaryKey() is { Properties: [{ ValueGenerated: ValueGenerated.OnAdd } id] } && (id.ClrType == typeof(int) || id.ClrType == typeof(long)))
            {
                // The next id a new row gets follows the copied ones. Names from the model, not from input.
                var nextId = $"SELECT setval(pg_get_serial_sequence('\"{table.GetTableName()}\"', '{id.GetColumnName()}'), GREATEST((SELECT MAX(\"{id.GetColumnName()}\") FROM \"{table.GetTableName()}\"), 1))";
                await target.Database.ExecuteSqlRawAsync(nextId, cancellationToken);
            }
        }

        foreach (var (name, rows) in copied)
        {
            var counted = await CountAsync(target, tables.Single(t => t.GetTableName() == name), cancellationToken);
            if (counted != rows)
            {
                throw new DatabaseCopyException($"{name}: {rows} rows read from SQLite but {counted} in PostgreSQL; nothing was copied.");
            }
        }

        var snapshots = await target.Snapshots.AsNoTracking().Select(s => new { s.Id, s.Content, s.Sha256 }).ToListAsync(cancellationToken);
        if (snapshots.FirstOrDefault(s => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(s.Content))) != s.Sha256) is { } broken)
        {
            throw new DatabaseCopyException($"Snapshot {broken.Id} does not hash to its SHA-256 in PostgreSQL; nothing was copied.");
        }

        await transaction.CommitAsync(cancellationToken);
        return new DatabaseCopyReport(copied, snapshots.Count);
    }

    private static IQueryable<object> Rows(DbContext db, IEntityType table) =>
        (IQueryable<object>)typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!.MakeGenericMethod(table.ClrType).Invoke(db, null)!;

    private static Task<int> CountAsync(DbContext db, IEntityType table, CancellationToken cancellationToken) =>
        Rows(db, table).CountAsync(cancellationToken);
}
