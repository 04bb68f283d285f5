using System.CommandLine;
using System.Security.Claims;
using AllianceTracker.Web.Data;
using AllianceTracker.Web.Features.Accounts;

namespace AllianceTracker.Web.Features.CommandLine;

/// <summary>
/// <c>users add | list | set-role | disable | enable | sign-out | reset-password</c>: accounts without the web UI.
/// Every change that takes access away rotates the account's security stamp, so its open sessions
/// end within a minute (docs/security.md).
/// </summary>
internal static class UsersCommand
{
    public static Command Create(IServiceProvider services, CommandConsole console, ClaimsPrincipal @operator)
    {
        var accounts = services.GetRequiredService<AccountAdministration>();

        var list = new Command("list", "Lists the accounts: email, display name, roles and status.");
        list.SetAction(async (_, cancellationToken) =>
        {
            await services.MigrateAllianceDatabaseAsync(cancellationToken);
            foreach (var account in await accounts.ListAsync(@operator))
            {
                var status = account.IsDisabled ? "disabled" : account.IsLockedOut ? "locked out" : "active";
                var roles = account.Roles.Count == 0 ? AccountAdministration.NoRole : string.Join(",", account.Roles.Order());
                await console.Out.WriteLineAsync($"{account.Email}\t{account.DisplayName}\t{roles}\t{status}");
            }

            return AllianceCommandLine.Done;
        });

        var setRoleEmail = EmailOption();
        var role = new Option<string>("--role") { Description = $"{AccountAdministration.NoRole} (a signed-in reader), {string.Join(" or ", Roles.All)}", Required = true };
        role.AcceptOnlyFromAmong([AccountAdministration.NoRole, .. Roles.All]);
        var setRole = new Command("set-role", "Gives an account exactly this role and signs it out everywhere.") { setRoleEmail, role };
        setRole.SetAction((parse, cancellationToken) => RunAsync(parse.GetRequiredValue(setRoleEmail), cancellationToken,
            email => accounts.SetOnlyRoleAsync(@operator, email, parse.GetRequiredValue(role)), $"now has the role {parse.GetRequiredValue(role)} and is signed out everywhere."));

        return new Command("users", "Accounts of editors and admins.")
        {
            UsersAddCommand.Create(services, console),
            list,
            setRole,
            ByEmail("disable", "Disables an account and signs it out everywhere.", (email, id) => accounts.SetDisabledAsync(@operator, id, disabled: true), "is disabled and signed out everywhere."),
            ByEmail("enable", "Enables a disabled account again.", (email, id) => accounts.SetDisabledAsync(@operator, id, disabled: false), "is enabled."),
            ByEmail("sign-out", "Ends every session of an account (every browser, every open editor).", (email, id) => accounts.RevokeSessionsAsync(@operator, id), "is signed out everywhere."),
            PasswordLink(),
        };

        Command PasswordLink()
        {
            var email = EmailOption();
            var command = new Command("reset-password", "Prints a one-time link (valid a day) with which the account's owner chooses a new password.") { email };
            command.SetAction(async (parse, cancellationToken) =>
            {
                await services.MigrateAllianceDatabaseAsync(cancellationToken);
                var address = parse.GetRequiredValue(email);
                if (await accounts.IssuePasswordLinkTrustedAsync(address) is not { } link)
                {
                    await console.Error.WriteLineAsync($"No account has the email {address}.");
                    return AllianceCommandLine.Refused;
                }

                // Without Site:PublicBaseUrl the command line knows no address: the operator puts theirs in front.
                await console.Out.WriteLineAsync($"Send {address} this one-time link, privately: {services.GetRequiredService<Api.PublicAddress>().Link("<the site's address>", link)}");
                return AllianceCommandLine.Done;
            });
            return command;
        }

        Command ByEmail(string name, string description, Func<string, string, Task<AccountResult>> change, string done)
        {
            var email = EmailOption();
            var command = new Command(name, description) { email };
            command.SetAction((parse, cancellationToken) => RunAsync(parse.GetRequiredValue(email), cancellationToken, async address =>
                await accounts.FindIdByEmailAsync(address) is { } id ? await change(address, id) : AccountResult.Failed($"No account has the email {address}."), done));
            return command;
        }

        async Task<int> RunAsync(string email, CancellationToken cancellationToken, Func<string, Task<AccountResult>> change, string done)
        {
            await services.MigrateAllianceDatabaseAsync(cancellationToken);
            var result = await change(email);
            if (!result.Succeeded)
            {
                foreach (var problem in result.Errors)
                {
                    await console.Error.WriteLineAsync(problem);
                }

                return AllianceCommandLine.Refused;
            }

            await console.Out.WriteLineAsync($"{email} {done}");
            return AllianceCommandLine.Done;
        }
    }

    private static Option<string> EmailOption() =>
        new("--email") { Description = "The account's email address (its sign-in name).", Required = true };
}
