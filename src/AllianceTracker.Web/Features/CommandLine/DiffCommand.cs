using System.CommandLine;
using AllianceTracker.Web.Data;
using AllianceTracker.Web.Features.Exchange;
using AllianceTracker.Web.Features.Snapshots;

namespace AllianceTracker.Web.Features.CommandLine;

/// <summary><c>diff --from … [--to …] --format …</c>: what changed between two pictures.</summary>
internal static class DiffCommand
{
    public static Command Create(IServiceProvider services, CommandConsole console)
    {
        var from = new Option<string>("--from") { Description = "now, a date (YYYY-MM-DD) or snapshot:ID", Required = true };
        var to = new Option<string>("--to") { Description = "now, a date (YYYY-MM-DD) or snapshot:ID", DefaultValueFactory = _ => "now" };
        var format = CommandOptions.Format();
        var output = CommandOptions.Out();
        var force = CommandOptions.Force();
        var command = new Command("diff", "What changed between two pictures.") { from, to, format, output, force };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await services.MigrateAllianceDatabaseAsync(cancellationToken);
            var result = await services.GetRequiredService<SnapshotComparison>().CompareAsync(parse.GetRequiredValue(from), parse.GetRequiredValue(to), cancellationToken);
            if (result.Error is { } refused)
            {
                await console.Error.WriteLineAsync($"--{refused.Parameter}: {refused.Message}");
                return AllianceCommandLine.Refused;
            }

            await console.WriteAsync(DiffFormats.Write(result.Diff!, parse.GetValue(format), "alliance-diff", $"alliance-tracker diff --from {parse.GetRequiredValue(from)} --to {parse.GetRequiredValue(to)}"), parse.GetValue(output), parse.GetValue(force));
            return AllianceCommandLine.Done;
        });
        return command;
    }
}
