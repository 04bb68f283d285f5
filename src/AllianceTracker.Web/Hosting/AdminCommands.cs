using AllianceTracker.Web.Domain;
using AllianceTracker.Web.Features.Accounts;

namespace AllianceTracker.Web.Hosting;

/// <summary>
/// Commands run instead of the web server, for set-up and scripting:
/// <c>dotnet run --project src/AllianceTracker.Web -- users add --email ed@example.org --role Admin</c>, or export, import and snapshot create.
/// The password comes from ALLIANCE_TRACKER_PASSWORD or is asked for; it is never an argument,
/// so it stays out of shell history and process lists.
/// </summary>
public static class AdminCommands
{
    public const string PasswordVariable = "ALLIANCE_TRACKER_PASSWORD";

    private const string Usage = """
        Usage:
          users add --email <address> --role <Editor|Admin>
              The password is read from the ALLIANCE_TRACKER_PASSWORD environment variable,
              or asked for when it is not set (at least 12 characters).
          export --format <csv|json|xlsx|md> [--as-of YYYY-MM-DD] [--out FILE]
              Writes the picture (today, or as of a date) to FILE, or to standard output.
          import [--dry-run] FILE
              Checks a dataset in the export format and shows what it would change; without
              --dry-run, applies it (all or nothing).
          snapshot create --title TITLE [--note NOTE] [--as-of YYYY-MM-DD]
              Freezes a snapshot and prints its id, permalink and SHA-256.
          diff --from SIDE [--to SIDE] --format <csv|json|xlsx|md> [--out FILE]
              What changed between two pictures; a SIDE is now, YYYY-MM-DD or snapshot:ID.
        Exit codes: 0 done, 1 refused (the reason is printed), 2 bad usage.
        """;

    private static readonly string[] Commands = ["users", "export", "import", "snapshot", "diff"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Commands.Contains(args[0]);

    /// <summary>Runs the command; returns the process exit code (0 done, 1 refused, 2 bad usage).</summary>
    public static async Task<int> RunAdminCommandAsync(this IServiceProvider services, string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        switch (args)
        {
            case ["export", ..]:
                return await ExportAsync(services, args, output, error);
            case ["import", ..]:
                return await ImportAsync(services, args, output, error);
            case ["snapshot", "create", ..]:
                return await SnapshotAsync(services, args, output, error);
            case ["diff", ..]:
                return await DiffAsync(services, args, output, error);
        }

        if (args is not ["users", "add", ..] || Option(args, "--email") is not { } email || Option(args, "--role") is not { } role)
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }

        var password = Environment.GetEnvironmentVariable(PasswordVariable);
        if (string.IsNullOrEmpty(password))
        {
            await output.WriteAsync($"Password for {email}: ");
            password = ReadSecret(input);
            await output.WriteLineAsync();
        }

        if (string.IsNullOrEmpty(password))
        {
            await error.WriteLineAsync($"No password given: set {PasswordVariable} or type one at the prompt.");
            return 2;
        }

        await services.MigrateDatabaseAsync();
        var accounts = services.GetRequiredService<AccountAdministration>();
        var result = await accounts.CreateTrustedAsync(email, password, role);
        if (!result.Succeeded)
        {
            await error.WriteLineAsync($"Could not create {email}:");
            foreach (var problem in result.Errors)
            {
                await error.WriteLineAsync("  - " + problem);
            }

            return 1;
        }

        await output.WriteLineAsync($"Created {email} with the {role} role. Sign in at /account/sign-in.");
        return 0;
    }

    private static async Task<int> ExportAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        if (!Features.Snapshots.ExportFormats.TryParse(Option(args, "--format"), out var format) || !TryDate(Option(args, "--as-of"), out var asOf))
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }

        await services.MigrateDatabaseAsync();
        var document = await services.GetRequiredService<Features.Snapshots.PictureDocuments>().CurrentAsync(asOf);
        return await WriteAsync(Features.Snapshots.ExportFormats.Write(document, format, $"alliance-consensus-{document.AsOf}"), Option(args, "--out"), output);
    }

    private static async Task<int> DiffAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        if (Option(args, "--from") is not { } from || !Features.Snapshots.ExportFormats.TryParse(Option(args, "--format"), out var format))
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }

        await services.MigrateDatabaseAsync();
        var result = await services.GetRequiredService<Features.Snapshots.SnapshotComparison>().CompareAsync(from, Option(args, "--to") ?? "now");
        if (result.Error is { } refused)
        {
            await error.WriteLineAsync($"--{refused.Parameter}: {refused.Message}");
            return 1;
        }

        return await WriteAsync(Features.Snapshots.ExportFormats.Write(result.Diff!, format, "alliance-diff"), Option(args, "--out"), output);
    }

    private static async Task<int> WriteAsync(Features.Snapshots.ExportFile file, string? path, TextWriter output)
    {
        if (path is not null)
        {
            await File.WriteAllBytesAsync(path, file.Content);
            await output.WriteLineAsync($"Wrote {file.Content.Length} bytes to {path}.");
        }
        else
        {
            await output.WriteAsync(System.Text.Encoding.UTF8.GetString(file.Content));
        }

        return 0;
    }

    private static async Task<int> ImportAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        var path = args.Skip(1).LastOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));
        if (path is null)
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }

        if (!File.Exists(path))
        {
            await error.WriteLineAsync($"No file at {path}.");
            return 1;
        }

        await services.MigrateDatabaseAsync();
        var import = services.GetRequiredService<Features.Snapshots.DatasetImport>();
        var content = await File.ReadAllBytesAsync(path);
        try
        {
            var dryRun = args.Contains("--dry-run");
            var plan = dryRun
                ? await import.PreviewAsync(CommandLineOperator, content)
                : await import.ApplyTrustedAsync(content, "import:command-line");
            await output.WriteLineAsync($"{(dryRun ? "Would add" : "Added")} {plan.StanceChanges} stance changes, {plan.MembersAdded} members, {plan.SummitsAdded} summits, {plan.ProposalsAdded} proposals, {plan.SourcesAdded} sources.");
            foreach (var cell in plan.Diff.Cells)
            {
                await output.WriteLineAsync($"  {cell.MemberName} on {cell.Proposal}: {cell.From} -> {cell.To}");
            }

            foreach (var note in plan.Notes)
            {
                await output.WriteLineAsync("  note: " + note);
            }

            return 0;
        }
        catch (Features.Snapshots.ImportRefusedException ex)
        {
            await error.WriteLineAsync($"Refused {path}; nothing was changed:");
            foreach (var problem in ex.Problems)
            {
                await error.WriteLineAsync($"  {problem.Path}: {problem.Message}");
            }

            return 1;
        }
    }

    private static async Task<int> SnapshotAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        if (Option(args, "--title") is not { } title || !TryDate(Option(args, "--as-of"), out var asOf))
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }

        await services.MigrateDatabaseAsync();
        try
        {
            var snapshot = await services.GetRequiredService<Features.Snapshots.SnapshotService>().CreateAsync(CommandLineOperator, title, Option(args, "--note"), asOf);
            await output.WriteLineAsync($"Snapshot {snapshot.Id} ({snapshot.AsOf:yyyy-MM-dd}) at /snapshots/{snapshot.Id}");
            await output.WriteLineAsync($"SHA-256 {snapshot.Sha256}");
            return 0;
        }
        catch (Features.Stances.EditValidationException ex)
        {
            await error.WriteLineAsync(string.Join(Environment.NewLine, ex.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
            return 1;
        }
    }

    /// <summary>Whoever runs the command line has the machine, and so the admin's rights.</summary>
    private static readonly System.Security.Claims.ClaimsPrincipal CommandLineOperator = new(new System.Security.Claims.ClaimsIdentity(
        [new(System.Security.Claims.ClaimTypes.Name, "command-line"), new(System.Security.Claims.ClaimTypes.Role, Roles.Admin)], "CommandLine"));

    private static bool TryDate(string? text, out DateOnly? date)
    {
        date = null;
        if (text is null)
        {
            return true;
        }

        if (IsoDate.TryParse(text, out var parsed))
        {
            date = parsed;
            return true;
        }

        return false;
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static string? ReadSecret(TextReader input)
    {
        if (!ReferenceEquals(input, Console.In) || Console.IsInputRedirected)
        {
            return input.ReadLine();
        }

        // Typed at a terminal: do not echo it.
        var secret = new System.Text.StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                return secret.ToString();
            }

            if (key.Key == ConsoleKey.Backspace && secret.Length > 0)
            {
                secret.Length--;
            }
            else if (!char.IsControl(key.KeyChar))
            {
                secret.Append(key.KeyChar);
            }
        }
    }
}
