using AllianceTracker.Web.Data;
using AllianceTracker.Web.Data.PostgreSql;
using Microsoft.EntityFrameworkCore;

namespace AllianceTracker.Tests.Data;

/// <summary>
/// One model, a migrations history per provider: a change to the model needs a migration for each
/// (README: "Changing the model"), or one of the two databases would silently lack it.
/// </summary>
public sealed class MigrationsPerProviderTests
{
    [Fact]
    public void The_SQLite_migrations_hold_the_whole_model()
    {
        using var db = new AllianceDbContext(new DbContextOptionsBuilder<AllianceDbContext>().UseSqlite("Data Source=:memory:").Options);

        Assert.False(db.Database.HasPendingModelChanges(), "Add a SQLite migration: dotnet ef migrations add <Name> --context AllianceDbContext --output-dir Data/Migrations");
        Assert.Contains(db.Database.GetMigrations(), m => m.EndsWith("_NewsAssistOriginAndAliases", StringComparison.Ordinal));
    }

    [Fact]
    public void The_PostgreSQL_migrations_hold_the_whole_model()
    {
        using var db = new PostgresDesignTimeFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(), "Add a PostgreSQL migration: dotnet ef migrations add <Name> --context PostgresAllianceDbContext --output-dir Data/PostgreSql/Migrations");
        Assert.DoesNotContain(db.Database.GetMigrations(), m => m.EndsWith("_NewsAssistOriginAndAliases", StringComparison.Ordinal));
    }
}
