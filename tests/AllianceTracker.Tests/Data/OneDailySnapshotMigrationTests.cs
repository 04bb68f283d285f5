using AllianceTracker.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace AllianceTracker.Tests.Data;

/// <summary>
/// A database where a cluster froze one day's scheduled snapshot twice (before the index that now
/// prevents it) still migrates, and both stay as they were: snapshots are never changed.
/// </summary>
public sealed class OneDailySnapshotMigrationTests
{
    [Fact]
    public async Task Twin_daily_snapshots_frozen_before_the_index_do_not_stop_the_migration()
    {
        var folder = Path.Combine(Path.GetTempPath(), "alliance-tracker-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var options = new DbContextOptionsBuilder<AllianceDbContext>().UseSqlite($"Data Source={Path.Combine(folder, "twins.db")};Pooling=False").Options;
            await using (var db = new AllianceDbContext(options))
            {
                await db.GetService<IMigrator>().MigrateAsync("InterpretationNotes");
                await db.Database.ExecuteSqlRawAsync("""
                    INSERT INTO "Snapshots" ("Id", "Title", "AsOf", "CreatedAtUtc", "CreatedBy", "Content", "Sha256") VALUES
                      ('first', 'Daily snapshot, 6 December 2026', '2026-12-06', '2026-12-06 00:05:00', 'scheduled', '{{}}', 'a'),
                      ('second', 'Daily snapshot, 6 December 2026', '2026-12-06', '2026-12-06 00:05:01', 'scheduled', '{{}}', 'b'),
                      ('next-day', 'Daily snapshot, 7 December 2026', '2026-12-07', '2026-12-07 00:05:00', 'scheduled', '{{}}', 'c');
                    """);
            }

            await using (var db = new AllianceDbContext(options))
            {
                await db.Database.MigrateAsync();

                var kept = await db.Snapshots.OrderBy(s => s.Id).Select(s => s.Id + ":" + s.CreatedBy + ":" + s.Sha256 + ":" + s.DailyOf).ToListAsync();
                Assert.Equal(["first:scheduled:a:", "next-day:scheduled:c:", "second:scheduled:b:"], kept);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
