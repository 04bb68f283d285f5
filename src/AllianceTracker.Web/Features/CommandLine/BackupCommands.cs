using System.CommandLine;
using AllianceTracker.Web.Data;

namespace AllianceTracker.Web.Features.CommandLine;

/// <summary>
/// <c>backup --out FILE</c> while the app runs; <c>restore --from FILE</c> with the app stopped
/// (docs/operations.md has the drill). The backup holds everything: history, accounts, audit and
/// the keys that sign cookies.
/// </summary>
internal static class BackupCommands
{
    public static Command Backup(IServiceProvider services, CommandConsole console)
    {
        var output = new Option<string>("--out") { Description = "The new file to write the copy to, relative to where you run the command (never overwritten).", Required = true };
        var command = new Command("backup", "Takes a consistent copy of the database, also while the app runs.") { output };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var target = OutputFile.Resolve(parse.GetRequiredValue(output));
            if (await OnADatabaseServerAsync(services, console))
            {
                return AllianceCommandLine.Refused;
            }

            try
            {
                var bytes = await services.GetRequiredService<DatabaseFile>().BackUpAsync(target, cancellationToken);
                await console.Out.WriteLineAsync($"Backed up {bytes:N0} bytes to {target} (integrity ok, readable by its owner only).");
                return AllianceCommandLine.Done;
            }
            catch (Exception ex) when (ex is InvalidOperationException or Microsoft.Data.Sqlite.SqliteException or IOException or UnauthorizedAccessException)
            {
                await console.Error.WriteLineAsync($"No backup was written: {ex.Message}");
                return AllianceCommandLine.Refused;
            }
        });
        return command;
    }

    public static Command Restore(IServiceProvider services, CommandConsole console)
    {
        var from = new Option<string>("--from") { Description = "A file made by backup, relative to where you run the command.", Required = true };
        var command = new Command("restore", "Replaces the database with a backup (stop the app first); the previous file is kept beside it.") { from };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (await OnADatabaseServerAsync(services, console))
            {
                return AllianceCommandLine.Refused;
            }

            var database = services.GetRequiredService<DatabaseFile>();
            try
            {
                var source = OutputFile.Resolve(parse.GetRequiredValue(from));
                var result = await database.RestoreAsync(source, services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime, cancellationToken);
                await console.Out.WriteLineAsync($"Restored {database.Path} from {source}.");
                if (result.PreviousKeptAs is { } kept)
                {
                    await console.Out.WriteLineAsync($"The previous database is kept as {kept}.");
                }

                await console.Out.WriteLineAsync("Start the app: it applies any newer migrations to the restored file.");
                return AllianceCommandLine.Done;
            }
            catch (Exception ex) when (ex is InvalidOperationException or IOException or UnauthorizedAccessException)
            {
                await console.Error.WriteLineAsync(ex.Message);
                return AllianceCommandLine.Refused;
            }
        });
        return command;
    }

    /// <summary>These commands copy the SQLite file; a PostgreSQL database is backed up with the server's own tools.</summary>
    private static async Task<bool> OnADatabaseServerAsync(IServiceProvider services, CommandConsole console)
    {
        if (services.GetRequiredService<Microsoft.Extensions.Options.IOptions<DatabaseOptions>>().Value.Provider != DatabaseProvider.PostgreSQL)
        {
            return false;
        }

        await console.Error.WriteLineAsync("The database is on PostgreSQL: back it up with pg_dump and restore with pg_restore (docs/deployment.md).");
        return true;
    }
}
