using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace AllianceTracker.Web.Data.PostgreSql;

/// <summary>For <c>dotnet ef migrations add … --context PostgresAllianceDbContext</c>: no server is contacted to add a migration.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAllianceDbContext>
{
    public PostgresAllianceDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresAllianceDbContext>().UseNpgsql("Host=localhost;Database=alliance_tracker_design").Options);
}
