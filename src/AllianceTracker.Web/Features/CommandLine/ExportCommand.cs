using System.CommandLine;
using AllianceTracker.Web.Data;
using AllianceTracker.Web.Features.Exchange;

namespace AllianceTracker.Web.Features.CommandLine;

/// <summary><c>export --format csv [--as-of …] [--out …]</c>: the picture, for a script or a scheduled job.</summary>
internal static class ExportCommand
{
    public static Command Create(IServiceProvider services, CommandConsole console)
    {
        var format = CommandOptions.Format();
        var asOf = CommandOptions.AsOf("The day to export (YYYY-MM-DD); today when left out.");
        var output = CommandOptions.Out();
        var force = CommandOptions.Force();
        var command = new Command("export", "Writes the picture, today or as of a date.") { format, asOf, output, force };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await services.MigrateAllianceDatabaseAsync(cancellationToken);
            var document = await services.GetRequiredService<PictureDocuments>().CurrentAsync(parse.GetValue(asOf), cancellationToken: cancellationToken);
            await console.WriteAsync(ExportFormats.Write(document, parse.GetValue(format), $"alliance-consensus-{document.AsOf}"), parse.GetValue(output), parse.GetValue(force));
            return AllianceCommandLine.Done;
        });
        return command;
    }
}
