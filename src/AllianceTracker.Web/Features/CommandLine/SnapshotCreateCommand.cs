using System.CommandLine;
using System.Security.Claims;
using AllianceTracker.Web.Data;
using AllianceTracker.Web.Domain;
using AllianceTracker.Web.Features.Snapshots;

namespace AllianceTracker.Web.Features.CommandLine;

/// <summary><c>snapshot create --title … [--note …] [--as-of …]</c>: freezes a citable snapshot.</summary>
internal static class SnapshotCreateCommand
{
    public static Command Create(IServiceProvider services, CommandConsole console, ClaimsPrincipal operatorPrincipal)
    {
        var title = new Option<string>("--title") { Description = "What the snapshot is, e.g. \"Before the Washington summit\".", Required = true };
        var note = new Option<string?>("--note") { Description = "A longer note shown with it." };
        var asOf = CommandOptions.AsOf("The day to freeze (YYYY-MM-DD); today when left out.");
        var create = new Command("create", "Freezes a snapshot and prints its id, permalink and SHA-256.") { title, note, asOf };
        create.SetAction(async (parse, cancellationToken) =>
        {
            await services.MigrateAllianceDatabaseAsync(cancellationToken);
            try
            {
                var snapshot = await services.GetRequiredService<SnapshotService>()
                    .CreateAsync(operatorPrincipal, parse.GetRequiredValue(title), parse.GetValue(note), parse.GetValue(asOf), cancellationToken);
                await console.Out.WriteLineAsync($"Snapshot {snapshot.Id} ({snapshot.AsOf.ToIso()}) at /snapshots/{snapshot.Id}");
                await console.Out.WriteLineAsync($"SHA-256 {snapshot.Sha256}");
                return AllianceCommandLine.Done;
            }
            catch (EditValidationException ex)
            {
                await console.Error.WriteLineAsync(string.Join(Environment.NewLine, ex.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
                return AllianceCommandLine.Refused;
            }
        });
        return new Command("snapshot", "Citable, frozen pictures.") { create };
    }
}
