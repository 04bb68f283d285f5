using System.CommandLine;
using System.Security.Claims;
using AllianceTracker.Web.Features.Accounts;

namespace AllianceTracker.Web.Features.CommandLine;

/// <summary>
/// The app as a command line for set-up and scripts (<c>dotnet run -- users add …</c>), run
/// instead of the web server. System.CommandLine answers <c>--help</c>, unknown commands and bad
/// options; exit codes are 0 done, 1 refused (the reason is printed), 2 bad usage.
/// </summary>
public static class AllianceCommandLine
{
    public const int Done = 0;
    public const int Refused = 1;
    public const int BadUsage = 2;

    /// <summary>Whoever runs the command line has the machine, and so the admin's rights.</summary>
    private static readonly ClaimsPrincipal Operator = new(new ClaimsIdentity(
        [new(ClaimTypes.Name, History.AuthorDirectory.CommandLineAuthor), new(ClaimTypes.Role, Roles.Admin)], "CommandLine"));

    /// <summary>
    /// True when the arguments are a command (or a request for help) rather than the web host's
    /// configuration (<c>--urls …</c>, <c>--environment=…</c>, <c>Key=value</c>): any other word is a
    /// command, so an unknown one is answered by the parser and never starts the web server.
    /// </summary>
    public static bool IsCommandLine(IReadOnlyList<string> args) =>
        args.Count > 0 && (args[0] is "-h" or "-?" or "--help" or "--version" || !(args[0].StartsWith('-') || args[0].Contains('=')));

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, CommandConsole console, CancellationToken cancellationToken = default)
    {
        var root = new RootCommand("AllianceTracker: where NATO's members stand, and whether consensus is possible.")
        {
            UsersCommand.Create(services, console, Operator),
            ExportCommand.Create(services, console),
            ImportCommand.Create(services, console, Operator),
            SnapshotCreateCommand.Create(services, console, Operator),
            DiffCommand.Create(services, console),
            BackupCommands.Backup(services, console),
            BackupCommands.Restore(services, console),
            DatabaseCopyCommand.Create(services, console),
        };

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await console.Error.WriteLineAsync(error.Message);
            }

            await console.Error.WriteLineAsync($"Run with --help to see the commands and their options.");
            return BadUsage;
        }

        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { Output = console.Out, Error = console.Error, EnableDefaultExceptionHandler = false }, cancellationToken);
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or UnauthorizedAccessException
            or Microsoft.EntityFrameworkCore.DbUpdateException or System.Data.Common.DbException)
        {
            // What went wrong, in a sentence an operator can act on: no stack trace on their terminal.
            await console.Error.WriteLineAsync($"Nothing was done: {Data.DatabaseFaults.Describe(ex)}");
            return Refused;
        }
    }
}
