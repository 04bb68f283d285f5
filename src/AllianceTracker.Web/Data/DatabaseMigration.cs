using Microsoft.EntityFrameworkCore;

namespace AllianceTracker.Web.Data;

public static class DatabaseMigration
{
    /// <summary>Brings the database to the latest migration (migrations only: the schema is never created any other way).</summary>
    public static async Task MigrateAllianceDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var dbFactory = services.GetRequiredService<IDbContextFactory<AllianceDbContext>>();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        services.GetRequiredService<ILoggerFactory>().CreateLogger("AllianceTracker.Database")
            .LogInformation("Database {DatabasePath} is at the latest migration", db.Database.GetDbConnection().DataSource);
    }
}
