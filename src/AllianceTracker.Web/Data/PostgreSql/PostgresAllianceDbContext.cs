using Microsoft.EntityFrameworkCore;

namespace AllianceTracker.Web.Data.PostgreSql;

/// <summary>
/// The tracker's model on PostgreSQL. A type of its own only so that EF Core keeps a migrations
/// history per provider (its migrations are in this folder, the SQLite ones in Data/Migrations), as
/// EF Core documents for one model on several providers; the model itself is <see cref="AllianceDbContext"/>'s.
/// </summary>
public sealed class PostgresAllianceDbContext(DbContextOptions<PostgresAllianceDbContext> options) : AllianceDbContext(options);

/// <summary>The rest of the app asks for <see cref="AllianceDbContext"/>; on PostgreSQL it gets this provider's context.</summary>
internal sealed class PostgresContextFactory(IDbContextFactory<PostgresAllianceDbContext> inner) : IDbContextFactory<AllianceDbContext>
{
    public AllianceDbContext CreateDbContext() => inner.CreateDbContext();

    public async Task<AllianceDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await inner.CreateDbContextAsync(cancellationToken);
}
