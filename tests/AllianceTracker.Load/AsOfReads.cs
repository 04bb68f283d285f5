using System.Diagnostics;
using System.Globalization;
using AllianceTracker.Web.Data;
using AllianceTracker.Web.Features.History;
using AllianceTracker.Web.Features.Positions;
using AllianceTracker.Web.Features.Seeding;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace AllianceTracker.Load;

/// <summary>
/// How the as-of read grows with the history: the seeded dataset in a real SQLite file, grown to
/// each size in turn with synthetic entries (every cell, effective dates spread over ten years,
/// one evidence excerpt each), then read cold — a fresh DbContext and no picture cache — on dates
/// across that span.
/// </summary>
public static class AsOfReads
{
    // Dates across the synthetic span, and today: a crawler walking the history asks for such dates.
    private static readonly DateOnly?[] Dates = [new DateOnly(2015, 3, 1), new DateOnly(2018, 7, 15), new DateOnly(2021, 1, 10), new DateOnly(2024, 4, 10), null];

    private static readonly DateOnly SpanStart = new(2014, 1, 1);

    private const int SpanDays = 3_800;

    public sealed record Result(int Rows, TimeSpan First, TimeSpan Median, TimeSpan Slowest, TimeSpan Grow);

    public static async Task<IReadOnlyList<Result>> MeasureAsync(string workFolder, IReadOnlyList<int> sizes, int rounds)
    {
        var database = Path.Combine(workFolder, "as-of.db");
        var options = new DbContextOptionsBuilder<AllianceDbContext>().UseSqlite($"Data Source={database}").Options;
        var factory = new Factory(options);
        await using (var db = factory.CreateDbContext())
        {
            await db.Database.MigrateAsync();
        }

        // The seeded dataset through the app's own import, as a real database starts.
        var notifier = new InProcessStanceChangeNotifier(NullLogger<InProcessStanceChangeNotifier>.Instance);
        var writer = HistoryWriter.Over(factory, TimeProvider.System, notifier);
        await new SeedImporter(factory, writer, TimeProvider.System).ImportAsync(Path.Combine(AppContext.BaseDirectory, "seeds"));

        var reader = new AlliancePictureReader(factory, TimeProvider.System);
        var results = new List<Result>();
        var random = new Random(20240710);
        var rows = await CountAsync(database);
        foreach (var size in sizes)
        {
            var grow = Stopwatch.StartNew();
            await GrowAsync(database, size - rows, rows, random);
            rows = size;
            grow.Stop();

            SqliteConnection.ClearAllPools();
            var first = await TimeAsync(() => reader.ReadAsync(Dates[0]));
            var timings = new List<TimeSpan>();
            for (var round = 0; round < rounds; round++)
            {
                foreach (var date in Dates)
                {
                    timings.Add(await TimeAsync(() => reader.ReadAsync(date)));
                }
            }

            timings.Sort();
            results.Add(new Result(size, first, timings[timings.Count / 2], timings[^1], grow.Elapsed));
        }

        SqliteConnection.ClearAllPools();
        return results;
    }

    private static async Task<TimeSpan> TimeAsync(Func<Task> read)
    {
        var clock = Stopwatch.StartNew();
        await read();
        return clock.Elapsed;
    }

    private static async Task<int> CountAsync(string database)
    {
        await using var connection = new SqliteConnection($"Data Source={database}");
        await connection.OpenAsync();
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM StanceChanges";
        return Convert.ToInt32(await count.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Adds <paramref name="count"/> entries straight into the tables in one transaction. Not the
    /// app's write path on purpose: this fabricates history for a measurement, a million entries
    /// in seconds, in a throwaway database.
    /// </summary>
    private static async Task GrowAsync(string database, int count, int already, Random random)
    {
        if (count <= 0)
        {
            return;
        }

        await using var connection = new SqliteConnection($"Data Source={database}");
        await connection.OpenAsync();
        var members = await ListAsync<string>(connection, "SELECT Alpha3 FROM Members ORDER BY Alpha3");
        var proposals = await ListAsync<long>(connection, "SELECT Id FROM Proposals ORDER BY Id");
        var source = (await ListAsync<long>(connection, "SELECT Id FROM Sources ORDER BY Id"))[0];
        string[] stances = ["supports", "opposes", "undecided"];

        await using var transaction = connection.BeginTransaction();
        await using var change = connection.CreateCommand();
        change.Transaction = transaction;
        change.CommandText = """
            INSERT INTO StanceChanges (MemberAlpha3, ProposalId, Stance, Conditions, EffectiveOn, Rationale, RecordedAtUtc, RecordedBy)
            VALUES ($member, $proposal, $stance, NULL, $effective, $rationale, $recorded, 'load-harness')
            """;
        var member = change.Parameters.Add("$member", SqliteType.Text);
        var proposal = change.Parameters.Add("$proposal", SqliteType.Integer);
        var stance = change.Parameters.Add("$stance", SqliteType.Text);
        var effective = change.Parameters.Add("$effective", SqliteType.Text);
        var rationale = change.Parameters.Add("$rationale", SqliteType.Text);
        var recorded = change.Parameters.Add("$recorded", SqliteType.Text);
        await using var evidence = connection.CreateCommand();
        evidence.Transaction = transaction;
        evidence.CommandText = "INSERT INTO Evidence (StanceChangeId, SourceId, Excerpt) VALUES (last_insert_rowid(), $source, 'A synthetic excerpt from the load harness.')";
        evidence.Parameters.AddWithValue("$source", source);
        change.Prepare();
        evidence.Prepare();

        var recordedStart = new DateTime(2014, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < count; i++)
        {
            var n = already + i;
            var cell = n % (members.Count * proposals.Count);
            member.Value = members[cell % members.Count];
            proposal.Value = proposals[cell / members.Count];
            stance.Value = stances[random.Next(stances.Length)];
            // Effective dates in random order: editors back-fill, so recording order is not date order.
            effective.Value = SpanStart.AddDays(random.Next(SpanDays)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            rationale.Value = $"Synthetic entry {n} for the as-of measurement.";
            recorded.Value = recordedStart.AddSeconds(n).ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
            await change.ExecuteNonQueryAsync();
            await evidence.ExecuteNonQueryAsync();
        }

        // No ANALYZE: the app never runs it, so the planner here sees what it sees in production.
        await transaction.CommitAsync();
    }

    private static async Task<List<T>> ListAsync<T>(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<T>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetFieldValue<T>(0));
        }

        return values;
    }

    private sealed class Factory(DbContextOptions<AllianceDbContext> options) : IDbContextFactory<AllianceDbContext>
    {
        public AllianceDbContext CreateDbContext() => new(options);
    }
}
