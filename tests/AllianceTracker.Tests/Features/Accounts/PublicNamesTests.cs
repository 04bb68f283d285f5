using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AllianceTracker.Tests.Shared;
using AllianceTracker.Tests.Support;
using AllianceTracker.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace AllianceTracker.Tests.Features.Accounts;

/// <summary>Readers see an editor's display name beside their changes, never the login they sign in with.</summary>
public sealed class PublicNamesTests(ITestOutputHelper output) : FreshAppTest<AccountsAppFactory>(output)
{
    private AccountAdministration Accounts => App.Services.GetRequiredService<AccountAdministration>();

    private static Task<HttpResponseMessage> RecordAsync(HttpClient editor, string member) =>
        editor.PostAsJsonAsync("/api/v1/stances", new
        {
            member, proposal = "ukraine-fund", stance = "supports", effectiveDate = "2024-06-03", reason = "Public names test.",
            evidence = new[] { new { source = "icaro-2024-04-stoltenberg-ukraine-fund", excerpt = "Public names test excerpt." } },
        });

    [Fact]
    public async Task Member_pages_the_feed_snapshots_and_the_api_show_the_display_name_and_never_the_login()
    {
        var (editor, email) = await App.SignedInAsAsync("Editor");
        Assert.Equal(HttpStatusCode.Created, (await RecordAsync(editor, "BEL")).StatusCode);
        var snapshot = await (await editor.PostAsJsonAsync("/api/v1/snapshots", new { title = "Names", note = (string?)null })).Content.ReadFromJsonAsync<JsonElement>();
        var id = snapshot.GetProperty("id").GetString();
        var displayName = TestAccounts.DisplayNameOf(email);

        var reader = App.Anonymous();
        var readings = new[]
        {
            await reader.GetStringAsync("/members/BEL"),
            await reader.GetStringAsync("/feeds/changes.atom"),
            await reader.GetStringAsync($"/snapshots/{id}"),
            await reader.GetStringAsync("/snapshots"),
            await reader.GetStringAsync($"/api/v1/snapshots/{id}"),
            await editor.GetStringAsync("/api/v1/stances/cell?member=BEL&proposal=ukraine-fund"),
        };

        Assert.All(readings, text => Assert.DoesNotContain(email, text));
        Assert.Contains(displayName, readings[0]);
        Assert.Contains(displayName, readings[1]);
        Assert.Contains(displayName, readings[2]);
        Assert.Contains(displayName, readings[5]);
    }

    [Fact]
    public async Task An_admin_renames_an_account_and_every_page_shows_the_new_name()
    {
        var (editor, email) = await App.SignedInAsAsync("Editor");
        await RecordAsync(editor, "NLD");
        var admin = await AdminAsync();
        var user = await FindAsync(email);

        var renamed = await Accounts.SetDisplayNameAsync(admin, user.Id, "Benelux desk");

        Assert.True(renamed.Succeeded, string.Join(" ", renamed.Errors));
        var page = await App.Anonymous().GetStringAsync("/members/NLD");
        Assert.Contains("Benelux desk", page);
        Assert.DoesNotContain(TestAccounts.DisplayNameOf(email), page);
    }

    [Theory]
    [InlineData("", "Give the name")]
    [InlineData("someone@example.org", "cannot contain '@'")]
    [InlineData("Taken name", "already called")]
    [InlineData("Desk \u202Eeman nekaT", "control character (U+202E)")]
    [InlineData("A name far longer than the sixty characters a display name may have", "keep it to 60")]
    public async Task A_display_name_must_be_given_must_not_be_an_address_and_must_be_unique(string name, string message)
    {
        var admin = await AdminAsync();
        Assert.True((await Accounts.CreateAsync(admin, "first@example.org", "Taken name", TestAccounts.Password, "Editor")).Succeeded);

        var result = await Accounts.CreateAsync(admin, "second@example.org", name, TestAccounts.Password, "Editor");

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Contains(message, StringComparison.Ordinal));
        Assert.Null(await App.Services.CreateScope().ServiceProvider.GetRequiredService<UserManager<IdentityUser>>().FindByEmailAsync("second@example.org"));
    }

    [Fact]
    public async Task An_account_added_by_another_process_is_named_without_a_restart()
    {
        var directory = App.Services.GetRequiredService<Web.Features.History.AuthorDirectory>();
        Assert.Equal("A former editor", (await directory.GetAsync())("cli-added@example.org"));

        // As `users add` on the command line does: straight into the database, no Forget in this app.
        using (var scope = App.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            var user = new IdentityUser { UserName = "cli-added@example.org", Email = "cli-added@example.org" };
            Assert.True((await users.CreateAsync(user)).Succeeded);
            Assert.True((await users.AddClaimAsync(user, new System.Security.Claims.Claim(Web.Features.History.AuthorDirectory.DisplayNameClaim, "Added Elsewhere"))).Succeeded);
        }

        Assert.Equal("Added Elsewhere", (await directory.GetAsync())("cli-added@example.org"));
    }

    [Fact]
    public async Task Seed_entries_are_credited_to_the_seed_article_not_to_an_account()
    {
        var page = await App.Anonymous().GetStringAsync("/members/HUN");

        Assert.Contains("Recorded by Seed import, from the seed article (ICARO Media Group, c. 3 April 2024)", WebUtility.HtmlDecode(page));
    }

    private async Task<System.Security.Claims.ClaimsPrincipal> AdminAsync()
    {
        var email = await App.CreateAsync("Admin");
        return TestEditors.Admin(email);
    }

    private async Task<IdentityUser> FindAsync(string email)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>().FindByEmailAsync(email))!;
    }
}
