using AllianceTracker.Tests.Shared;
using AllianceTracker.Tests.Support;
using AllianceTracker.Web.Features.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace AllianceTracker.Tests.Features.Accounts;

public sealed class AccountAdministrationTests : FreshAppTest<AccountsAppFactory>
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
    public async Task A_locked_out_account_can_be_unlocked_by_an_admin_and_sign_in_again()
    {
        var email = await App.CreateAsync(Roles.Editor);
        var client = App.Anonymous();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await client.PostSignInAsync(email, "wrong");
        }

        var admin = TestEditors.Admin();
        var account = (await Accounts.ListAsync(admin)).Single(a => a.Email == email);
        Assert.True(account.IsLockedOut);

        await Accounts.UnlockAsync(admin, account.Id);

        Assert.False((await Accounts.ListAsync(admin)).Single(a => a.Email == email).IsLockedOut);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await client.PostSignInAsync(email, TestAccounts.Password)).StatusCode);
    }
}
