using System.CommandLine;
using AllianceTracker.Web.Data;
using AllianceTracker.Web.Features.Accounts;

namespace AllianceTracker.Web.Features.CommandLine;

/// <summary><c>users add --email … --display-name … --role Editor|Admin</c>: the first admin, or any account, without the web UI.</summary>
internal static class UsersAddCommand
{
    /// <summary>The password comes from here or a prompt, never an argument: it stays out of shell history and process lists.</summary>
    public const string PasswordVariable = "ALLIANCE_TRACKER_PASSWORD";

    public static Command Create(IServiceProvider services, CommandConsole console)
    {
        var email = new Option<string>("--email") { Description = "The account's email address, also its sign-in name.", Required = true };
        var displayName = new Option<string>("--display-name") { Description = "The name readers see beside this account's changes (never the email).", Required = true };
        var role = new Option<string>("--role") { Description = string.Join(" or ", Roles.All), Required = true };
        role.AcceptOnlyFromAmong([.. Roles.All]);
        var mustChange = new Option<bool>("--must-change-password") { Description = "The password is for someone else: they must change it before they edit anything." };
        var add = new Command("add", $"Creates an account. The password is read from {PasswordVariable}, or asked for (at least 12 characters).") { email, displayName, role, mustChange };
        add.SetAction(async (parse, cancellationToken) =>
        {
            var address = parse.GetRequiredValue(email);
            var password = Environment.GetEnvironmentVariable(PasswordVariable);
            if (string.IsNullOrEmpty(password))
            {
                await console.Out.WriteAsync($"Password for {address}: ");
                password = console.ReadSecret();
                await console.Out.WriteLineAsync();
            }

            if (string.IsNullOrEmpty(password))
            {
                await console.Error.WriteLineAsync($"No password given: set {PasswordVariable} or type one at the prompt.");
                return AllianceCommandLine.BadUsage;
            }

            await services.MigrateAllianceDatabaseAsync(cancellationToken);
            var result = await services.GetRequiredService<AccountAdministration>().CreateTrustedAsync(address, parse.GetRequiredValue(displayName), password, parse.GetRequiredValue(role));
            if (!result.Succeeded)
            {
                await console.Error.WriteLineAsync($"Could not create {address}:");
                foreach (var problem in result.Errors)
                {
                    await console.Error.WriteLineAsync("  - " + problem);
                }

                return AllianceCommandLine.Refused;
            }

            if (parse.GetValue(mustChange))
            {
                await services.GetRequiredService<AccountAdministration>().RequirePasswordChangeAsync(address);
            }

            await console.Out.WriteLineAsync($"Created {address} with the {parse.GetRequiredValue(role)} role. Sign in at /account/sign-in."
                + (parse.GetValue(mustChange) ? " The password must be changed at first sign-in." : ""));
            return AllianceCommandLine.Done;
        });
        return add;
    }
}
