using AllianceTracker.Web.Features.Accounts;

namespace AllianceTracker.Web.Hosting;

/// <summary>
/// Commands run instead of the web server, for set-up and scripting:
/// <c>dotnet run --project src/AllianceTracker.Web -- users add --email ed@example.org --role Admin</c>.
/// The password comes from ALLIANCE_TRACKER_PASSWORD or is asked for; it is never an argument,
/// so it stays out of shell history and process lists.
/// </summary>
public static class AdminCommands
{
    public const string PasswordVariable = "ALLIANCE_TRACKER_PASSWORD";

    private const string Usage = """
        Usage: users add --email <address> --role <Editor|Admin>
          The password is read from the ALLIANCE_TRACKER_PASSWORD environment variable,
          or asked for when it is not set (at least 12 characters).
        """;

    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] == "users";

    /// <summary>Runs the command; returns the process exit code (0 done, 1 refused, 2 bad usage).</summary>
    public static async Task<int> RunAdminCommandAsync(this IServiceProvider services, string[] args, TextReader input, TextWriter output, TextWriter error)
    {
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
