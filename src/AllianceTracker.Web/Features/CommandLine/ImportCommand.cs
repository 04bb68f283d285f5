using System.CommandLine;
using System.Security.Claims;
using AllianceTracker.Web.Data;
using AllianceTracker.Web.Features.Exchange;

namespace AllianceTracker.Web.Features.CommandLine;

/// <summary><c>import [--dry-run] FILE</c>: a dataset in the export format, checked in full, applied all or nothing.</summary>
internal static class ImportCommand
{
    public static Command Create(IServiceProvider services, CommandConsole console, ClaimsPrincipal operatorPrincipal)
    {
        var file = new Argument<FileInfo>("file") { Description = "The dataset (JSON, export format v1)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check the file and show what it would change; write nothing." };
        var command = new Command("import", "Checks a dataset and applies it (all or nothing).") { file, dryRun };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetRequiredValue(file);
            if (!path.Exists)
            {
                await console.Error.WriteLineAsync($"No file at {path}.");
                return AllianceCommandLine.Refused;
            }

            await services.MigrateAllianceDatabaseAsync(cancellationToken);
            var import = services.GetRequiredService<DatasetImport>();
            var content = await File.ReadAllBytesAsync(path.FullName, cancellationToken);
            var preview = parse.GetValue(dryRun);
            try
            {
                var plan = preview
                    ? await import.PreviewAsync(operatorPrincipal, content, cancellationToken)
                    : await import.ApplyTrustedAsync(content, "import:command-line", cancellationToken);
                await console.Out.WriteLineAsync($"{(preview ? "Would add" : "Added")} {plan.StanceChanges} stance changes, {plan.MembersAdded} members, {plan.SummitsAdded} summits, {plan.ProposalsAdded} proposals, {plan.SourcesAdded} sources.");
                foreach (var cell in plan.Diff.Cells)
                {
                    await console.Out.WriteLineAsync($"  {cell.MemberName} on {cell.Proposal}: {cell.From} -> {cell.To}");
                }

                foreach (var note in plan.Notes)
                {
                    await console.Out.WriteLineAsync("  note: " + note);
                }

                return AllianceCommandLine.Done;
            }
            catch (ImportRefusedException ex)
            {
                await console.Error.WriteLineAsync($"Refused {path}; nothing was changed:");
                foreach (var problem in ex.Problems)
                {
                    await console.Error.WriteLineAsync($"  {problem.Path}: {problem.Message}");
                }

                return AllianceCommandLine.Refused;
            }
        });
        return command;
    }
}
