using AllianceTracker.Tests.Support;
using AllianceTracker.Web.Domain;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AllianceTracker.Tests.Data;

public sealed class StanceHistoryTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(seeded: true);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Changing_a_history_entry_through_the_model_is_refused()
    {
        await using var db = _database.CreateDbContext();
        var entry = await db.StanceChanges.FirstAsync();
        db.Entry(entry).Property(e => e.Rationale).CurrentValue = "rewritten";

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());

        Assert.Contains("append-only", error.Message);
    }

    [Fact]
    public async Task Deleting_a_history_entry_through_the_model_is_refused()
    {
        await using var db = _database.CreateDbContext();
        db.StanceChanges.Remove(await db.StanceChanges.FirstAsync());

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }

    [Theory]
    [InlineData("UPDATE StanceChanges SET Stance = 'supports'")]
    [InlineData("DELETE FROM StanceChanges")]
    [InlineData("UPDATE Evidence SET Excerpt = 'rewritten'")]
    [InlineData("DELETE FROM Evidence")]
    public async Task The_database_itself_refuses_to_rewrite_history(string sql)
    {
        var before = await _database.FingerprintAsync();
        await using var db = _database.CreateDbContext();

        var error = await Assert.ThrowsAsync<SqliteException>(() => db.Database.ExecuteSqlRawAsync(sql));

        Assert.Contains("append-only", error.Message);
        Assert.Equal(before, await _database.FingerprintAsync());
    }

    [Theory]
    [InlineData("UPDATE Retractions SET Reason = 'rewritten'")]
    [InlineData("DELETE FROM Retractions")]
    [InlineData("UPDATE ProposalOutcomes SET Outcome = 'Dropped'")]
    [InlineData("DELETE FROM ProposalOutcomes")]
    public async Task Corrections_and_outcomes_are_append_only_too(string sql)
    {
        await using (var db = _database.CreateDbContext())
        {
            var change = await db.StanceChanges.FirstAsync();
            db.Retractions.Add(new StanceRetraction { StanceChangeId = change.Id, Reason = "Test.", RecordedAtUtc = DateTime.UtcNow, RecordedBy = "test" });
            db.ProposalOutcomes.Add(new SummitDecision
            {
                ProposalId = change.ProposalId, Outcome = ProposalOutcome.Adopted, DecidedOn = new DateOnly(2024, 7, 10),
                SourceId = await db.Sources.Select(s => s.Id).FirstAsync(), RecordedAtUtc = DateTime.UtcNow, RecordedBy = "test",
            });
            await db.SaveChangesAsync();
        }

        var before = await _database.FingerprintAsync();
        await using var context = _database.CreateDbContext();

        var error = await Assert.ThrowsAsync<SqliteException>(() => context.Database.ExecuteSqlRawAsync(sql));

        Assert.Contains("append-only", error.Message);
        Assert.Equal(before, await _database.FingerprintAsync());
    }
}
