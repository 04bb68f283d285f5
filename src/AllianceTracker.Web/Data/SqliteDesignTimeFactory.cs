using Microsoft.EntityFrameworkCore;

namespace AllianceTracker.Web.Data;

/// <summary>
/// For <c>dotnet ef migrations add … --context AllianceDbContext</c>: SQLite's migrations, made from
/// the model without a database. Without it the tools took PostgreSQL's design-time factory (its
/// context derives from this one) and wrote PostgreSQL's column types into SQLite's folder.
/// </summary>
public sealed class SqliteDesignTimeFactory : Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<AllianceDbContext>
{
    public AllianceDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<AllianceDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
