using System.Data.Common;
using System.Net;
using AllianceTracker.Tests.Support;
using AllianceTracker.Web.Features.Accounts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace AllianceTracker.Tests.Features.Accounts;

/// <summary>
/// Makes chosen writes to the accounts table fail as a locked SQLite database does ("database is
/// locked"), as a busy summit-day database did between a disable's lockout and its new stamp.
/// </summary>
public sealed class LockedAccountWrites : DbCommandInterceptor
{
    private int _failuresLeft;
    private int _writesBeforeFailing;

    /// <summary>Let <paramref name="passing"/> writes to the accounts table through, then fail the next <paramref name="failures"/>.</summary>
    public void FailAfter(int passing, int failures) => (_writesBeforeFailing, _failuresLeft) = (passing, failures);

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Intercept(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Intercept(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Intercept(command);
        return ValueTask.FromResult(result);
    }

    private void Intercept(DbCommand command)
    {
        if (!command.CommandText.Contains("UPDATE \"AspNetUsers\"", StringComparison.Ordinal) || Volatile.Read(ref _failuresLeft) == 0)
        {
            return;
        }

        if (Interlocked.Decrement(ref _writesBeforeFailing) >= 0)
        {
            return;
        }

        Interlocked.Decrement(ref _failuresLeft);
        throw new SqliteException("SQLite Error 5: 'database is locked'.", 5);
    }
}

public sealed class LockedAccountsAppFactory : Shared.AllianceAppFactory
{
    public LockedAccountWrites Faults { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Access:SessionCheckInterval", "00:00:00");
        builder.ConfigureTestServices(services => services.AddSingleton<IInterceptor>(Faults));
    }
}

/// <summary>
/// A disable cut short by a locked database: the lockout and the new stamp are one transaction,
/// tried again on a busy database, so the account is either disabled and signed out everywhere, or
/// untouched with the operator told so — never listed as disabled while its cookies keep writing.
/// </summary>
public sealed class InterruptedRevocationTests(ITestOutputHelper output) : FreshAppTest<LockedAccountsAppFactory>(output)
{
    private async Task<(HttpClient Cookie, string Email, string Stamp)> SignedInEditorAsync()
    {
        var (cookie, email) = await App.SignedInAsAsync(Roles.Editor);
        return (cookie, email, await StampOfAsync(email));
    }

    private async Task<string> StampOfAsync(string email)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        return (await users.FindByEmailAsync(email))!.SecurityStamp!;
    }

    [Fact]
    public async Task A_disable_interrupted_between_its_writes_is_done_again_whole_and_the_cookie_is_refused()
    {
        var (cookie, email, stamp) = await SignedInEditorAsync();
        // The lockout goes through; the next write of the account (what set the new stamp) fails once.
        App.Faults.FailAfter(passing: 1, failures: 1);

        var (exit, output, error) = await App.RunCommandAsync("", "users", "disable", "--email", email);

        Assert.True(exit == 0, error);
        Assert.Contains("is disabled and signed out everywhere", output);
        Assert.NotEqual(stamp, await StampOfAsync(email));
        Assert.Equal(HttpStatusCode.Redirect, (await cookie.GetAsync("/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await cookie.PostAsync("/api/v1/snapshots", JsonBody("{\"title\":\"after disable\"}"))).StatusCode);
    }

    [Fact]
    public async Task A_disable_the_database_never_takes_changes_nothing_and_says_so_with_exit_1()
    {
        var (cookie, email, stamp) = await SignedInEditorAsync();
        App.Faults.FailAfter(passing: 1, failures: int.MaxValue);

        var (exit, output, error) = await App.RunCommandAsync("", "users", "disable", "--email", email);

        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Contains("the database is busy", error);
        Assert.DoesNotContain("   at ", error);
        App.Faults.FailAfter(passing: 0, failures: 0);
        var listed = (await App.RunCommandAsync("", "users", "list")).Output;
        Assert.Contains($"{email}", listed);
        Assert.DoesNotContain("disabled", listed.Split('\n').Single(line => line.Contains(email, StringComparison.Ordinal)));
        Assert.Equal(stamp, await StampOfAsync(email));
    }

    [Fact]
    public async Task A_cookie_of_an_account_disabled_around_the_app_is_refused_though_its_stamp_never_moved()
    {
        var (cookie, email, stamp) = await SignedInEditorAsync();
        Assert.Equal(HttpStatusCode.OK, (await cookie.GetAsync("/audit")).StatusCode);

        // What a half-finished disable used to leave: the lockout, with the old stamp.
        await using (var db = await App.Services.GetRequiredService<IDbContextFactory<Web.Data.AllianceDbContext>>().CreateDbContextAsync())
        {
            var account = await db.Users.SingleAsync(u => u.Email == email);
            (account.LockoutEnabled, account.LockoutEnd) = (true, DateTimeOffset.MaxValue);
            await db.SaveChangesAsync();
        }

        Assert.Equal(stamp, await StampOfAsync(email));
        Assert.Equal(HttpStatusCode.Redirect, (await cookie.GetAsync("/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await cookie.PostAsync("/api/v1/snapshots", JsonBody("{\"title\":\"after disable\"}"))).StatusCode);
    }

    private static StringContent JsonBody(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
