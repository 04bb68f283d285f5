using AllianceTracker.Tests.Shared;
using AllianceTracker.Tests.Support;
using AllianceTracker.Web.Features.Accounts;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace AllianceTracker.Tests.Features.Accounts;

public sealed class AccountAdministrationTests(ITestOutputHelper output) : FreshAppTest<AccountsAppFactory>(output)
{
    private AccountAdministration Accounts => App.Services.GetRequiredService<AccountAdministration>();

    [Fact]
    public async Task Only_admins_can_list_create_or_change_accounts()
    {
        await Assert.ThrowsAsync<AccessDeniedException>(() => Accounts.ListAsync(TestEditors.Editor()));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Accounts.CreateAsync(TestEditors.Editor(), "x@example.org", "X", TestAccounts.Password, Roles.Admin));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Accounts.SetRoleAsync(TestEditors.Reader(), "any", Roles.Admin, true));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Accounts.UnlockAsync(TestEditors.Anonymous, "any"));
    }

    [Fact]
    public async Task An_admin_grants_and_removes_roles_and_the_list_shows_them()
    {
        var admin = TestEditors.Admin();
        var email = await App.CreateAsync(null);
        var account = (await Accounts.ListAsync(admin)).Single(a => a.Email == email);
        Assert.Empty(account.Roles);

        Assert.True((await Accounts.SetRoleAsync(admin, account.Id, Roles.Editor, true)).Succeeded);
        Assert.Equal([Roles.Editor], (await Accounts.ListAsync(admin)).Single(a => a.Email == email).Roles);

        Assert.True((await Accounts.SetRoleAsync(admin, account.Id, Roles.Editor, false)).Succeeded);
        Assert.Empty((await Accounts.ListAsync(admin)).Single(a => a.Email == email).Roles);
    }

    [Fact]
    public async Task An_admin_cannot_remove_their_own_admin_role()
    {
        var email = await App.CreateAsync(Roles.Admin);
        var self = TestEditors.Admin(email);
        var account = (await Accounts.ListAsync(self)).Single(a => a.Email == email);

        var result = await Accounts.SetRoleAsync(self, account.Id, Roles.Admin, false);

        Assert.False(result.Succeeded);
        Assert.Contains(Roles.Admin, (await Accounts.ListAsync(self)).Single(a => a.Email == email).Roles);
    }

    [Fact]
    public async Task Failed_sign_ins_never_lock_an_account_for_everyone_and_an_earlier_lockout_can_be_lifted()
    {
        var email = await App.CreateAsync(Roles.Editor);
        var client = App.Anonymous();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await client.PostSignInAsync(email, "wrong-password-guess");
        }

        var admin = TestEditors.Admin();
        var account = (await Accounts.ListAsync(admin)).Single(a => a.Email == email);
        Assert.False(account.IsLockedOut);

        // A database from before may hold Identity lockouts; an admin lifts them.
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Microsoft.AspNetCore.Identity.IdentityUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByEmailAsync(email))!, DateTimeOffset.UtcNow.AddMinutes(15));
        }

        Assert.True((await Accounts.ListAsync(admin)).Single(a => a.Email == email).IsLockedOut);
        await Accounts.UnlockAsync(admin, account.Id);
        Assert.False((await Accounts.ListAsync(admin)).Single(a => a.Email == email).IsLockedOut);
        // From the editor's own address: the failures above throttle only the address they came from.
        var editor = App.Anonymous();
        editor.DefaultRequestHeaders.Add(AccountsAppFactory.ClientAddressHeader, "198.51.100.20");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await editor.PostSignInAsync(email, TestAccounts.Password)).StatusCode);
    }
}
