using System.CommandLine;
using AllianceTracker.Web.Data;
using AllianceTracker.Web.Data.PostgreSql;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AllianceTracker.Web.Features.CommandLine;

/// <summary>
/// <c>db copy --to postgresql [--connection …]</c>: moves the SQLite deployment this command runs
/// on into an empty PostgreSQL database, in one transaction, and verifies it (docs/deployment.md).
/// </summary>
internal static class DatabaseCopyCommand
{
    public static Command Create(IServiceProvider services, CommandConsole console)
    {
        var to = new Option<string>("--to") { Description = "The provider to copy to: postgresql.", Required = true };
        to.AcceptOnlyFromAmong("postgresql");
        var connection = new Option<string?>("--connection") { Description = "The empty PostgreSQL database's connection string; ConnectionStrings:PostgreSQL when left out." };
        var copy = new Command("copy", "Copies every table of this SQLite database into an empty PostgreSQL database, in one transaction, and verifies counts and snapshot hashes.") { to, connection };
        copy.SetAction(async (parse, cancellationToken) =>
        {
            if (services.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider != DatabaseProvider.Sqlite)
            {
                await console.Error.WriteLineAsync("Run the copy on the SQLite deployment (Database:Provider=Sqlite, its Database:Path): it copies from there.");
                return AllianceCommandLine.Refused;
            }

            string target;
            try
            {
                target = parse.GetValue(connection) is { Length: > 0 } given ? given : DatabaseOptions.PostgreSqlConnectionString(services.GetRequiredService<IConfiguration>());
            }
            catch (InvalidOperationException)
            {
                await console.Error.WriteLineAsync("Say where to copy to: --connection \"Host=…;Database=…;Username=…\" (or set ConnectionStrings:PostgreSQL).");
                return AllianceCommandLine.Refused;
            }

            await services.MigrateAllianceDatabaseAsync(cancellationToken);
            await using var source = await services.GetRequiredService<IDbContextFactory<AllianceDbContext>>().CreateDbContextAsync(cancellationToken);
            try
            {
                var report = await DatabaseCopy.ToPostgreSqlAsync(source, target, cancellationToken);
                foreach (var (table, rows) in report.Tables.Where(t => t.Rows > 0))
                {
                    await console.Out.WriteLineAsync($"  {table}: {rows:N0}");
                }

                await console.Out.WriteLineAsync(
                    $"Copied {report.Tables.Sum(t => t.Rows):N0} rows in {report.Tables.Count} tables; every table counted again and {report.SnapshotsVerified} snapshot hashes verified in PostgreSQL.");
                await console.Out.WriteLineAsync("Start the instances with Database:Provider=PostgreSQL and this connection string; keep the SQLite file as the backup it now is.");
                return AllianceCommandLine.Done;
            }
            catch (Exception ex) when (ex is DatabaseCopyException or Npgsql.NpgsqlException or DbUpdateException)
            {
                await console.Error.WriteLineAsync($"Nothing was copied: {ex.Message}");
                return AllianceCommandLine.Refused;
            }
        });
        return new Command("db", "The database itself.") { copy };
    }
}
