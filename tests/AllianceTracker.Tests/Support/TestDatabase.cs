using System.Text;
using AllianceTracker.Tests.Shared;
using AllianceTracker.Web.Data;
using AllianceTracker.Web.Features.History;
using AllianceTracker.Web.Features.Seeding;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace AllianceTracker.Tests.Support;

/// <summary>A real SQLite file in a temporary folder, brought to the latest migration.</summary>
public sealed class TestDatabase : IDbContextFactory<AllianceDbContext>, IAsyncDisposable
{
    private readonly DbContextOptions<AllianceDbContext> _options;

    private TestDatabase(string directory)
    {
        Directory = directory;
        Path = System.IO.Path.Combine(directory, "test.db");
        _options = new DbContextOptionsBuilder<AllianceDbContext>().UseSqlite($"Data Source={Path}").Options;
    }

    public string Directory { get; }

    public string Path { get; }

    /// <summary>The product's seed dataset shipped next to the app's binaries: for the seed's own tests only.</summary>
    public static string ShippedSeeds => System.IO.Path.Combine(AppContext.BaseDirectory, "seeds");

    public static async Task<TestDatabase> CreateAsync(bool seeded = false, TimeProvider? clock = null)
    {
        var directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "alliance-tracker-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var database = new TestDatabase(directory);
        await using (var db = database.CreateDbContext())
        {
            await db.Database.MigrateAsync();
        }

        if (seeded)
        {
            clock ??= TimeProvider.System;
            var notifier = new InProcessStanceChangeNotifier(NullLogger<InProcessStanceChangeNotifier>.Instance);
            await new SeedImporter(database, TestEditors.Writer(database, clock, notifier), clock).ImportAsync(TestDataset.Path);
        }

        return database;
    }

    public AllianceDbContext CreateDbContext() => new(_options);

    /// <summary>Every row of every table, in a stable order: equal fingerprints mean an unchanged database.</summary>
    public async Task<string> FingerprintAsync()
    {
        var text = new StringBuilder();
        await using var connection = new SqliteConnection($"Data Source={Path};Pooling=False");
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        foreach (var table in tables)
        {
            text.Append("## ").AppendLine(table);
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\" ORDER BY rowid";
            await using var rows = await select.ExecuteReaderAsync();
            while (await rows.ReadAsync())
            {
                for (var i = 0; i < rows.FieldCount; i++)
                {
                    text.Append(rows.IsDBNull(i) ? "NULL" : Convert.ToString(rows.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).Append('|');
                }

                text.AppendLine();
            }
        }

        return text.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        await Task.Yield();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // Left to the OS temp cleaner; never fails a test.
        }
    }
}
