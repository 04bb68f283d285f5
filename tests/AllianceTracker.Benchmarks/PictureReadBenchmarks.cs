using AllianceTracker.Web.Data;
using AllianceTracker.Web.Features.History;
using AllianceTracker.Web.Features.Positions;
using AllianceTracker.Web.Features.Seeding;
using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace AllianceTracker.Benchmarks;

/// <summary>
/// What one page view or API call costs to get its picture: a fresh read of the stance history
/// (the baseline; what every circuit would do without the shared read model) against the cache.
/// Both run against the seeded dataset in a real SQLite file.
/// </summary>
[MemoryDiagnoser]
public class PictureReadBenchmarks
{
    private string _directory = null!;
    private AlliancePictureReader _reader = null!;
    private AlliancePictureCache _cache = null!;

    [GlobalSetup]
    public void Setup()
    {
        _directory = Path.Combine(Path.GetTempPath(), "alliance-tracker-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        var options = new DbContextOptionsBuilder<AllianceDbContext>().UseSqlite($"Data Source={Path.Combine(_directory, "bench.db")}").Options;
        var factory = new Factory(options);
        using (var db = factory.CreateDbContext())
        {
            db.Database.Migrate();
        }

        var notifier = new InProcessStanceChangeNotifier(NullLogger<InProcessStanceChangeNotifier>.Instance);
        var writer = HistoryWriter.Over(factory, TimeProvider.System, notifier);
        new SeedImporter(factory, writer, TimeProvider.System).ImportAsync(Path.Combine(AppContext.BaseDirectory, "seeds")).GetAwaiter().GetResult();
        _reader = new AlliancePictureReader(factory, TimeProvider.System);
        _cache = new AlliancePictureCache(_reader, notifier);
        _cache.GetAsync().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(Baseline = true, Description = "read the history (no cache)")]
    public Task<AlliancePicture> ReadFromHistory() => _reader.ReadAsync();

    [Benchmark(Description = "shared read model (cache hit)")]
    public Task<AlliancePicture> ReadFromCache() => _cache.GetAsync();

    private sealed class Factory(DbContextOptions<AllianceDbContext> options) : IDbContextFactory<AllianceDbContext>
    {
        public AllianceDbContext CreateDbContext() => new(options);
    }
}
