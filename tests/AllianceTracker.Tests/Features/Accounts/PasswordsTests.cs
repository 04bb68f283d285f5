using System.Net;
using System.Text.RegularExpressions;
using AllianceTracker.Tests.Shared;
using AllianceTracker.Tests.Support;
using AllianceTracker.Web.Features.Accounts;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace AllianceTracker.Tests.Features.Accounts;

public sealed partial class PasswordsTests(ITestOutputHelper output) : FreshAppTest<AccountsAppFactory>(output)
{
    private AccountAdministration Accounts => App.Services.GetRequiredService<AccountAdministration>();

    [Theory]
    [InlineData("correct-horse-battery-staple", "common passwords")]
    [InlineData("Password1234", "common passwords")]
    [InlineData("zzzzzzzzzzzzzz", "repeats")]
    [InlineData("abababababab", "repeats")]
    public async Task Common_and_repetitive_passwords_are_refused(string password, string reason)
    {
        var result = await Accounts.CreateTrustedAsync($"new-{Guid.NewGuid():N}@example.org", "New desk " + Guid.NewGuid().ToString("N")[..6], password, Roles.Editor);

        Assert.False(result.Succeeded);
        Assert.Contains(reason, string.Join(" ", result.Errors));
        Assert.True(CommonPasswordValidator.DenylistSize >= 100);
    }

    [Fact]
    public async Task A_password_may_not_contain_the_accounts_email_name()
    {
        var result = await Accounts.CreateTrustedAsync("margarethe@example.org", "Margarethe's desk", "margarethe-2024-spring", Roles.Editor);

        Assert.Contains("email name", string.Join(" ", result.Errors));
    }

    [Fact]
    public async Task An_admin_never_sees_a_password_the_owner_chooses_it_with_a_one_time_link()
    {
        var email = $"new-editor-{Guid.NewGuid():N}@example.org";
        var (created, link) = await Accounts.CreateWithPasswordLinkAsync(TestEditors.Admin(), email, "New desk " + Guid.NewGuid().ToString("N")[..6], Roles.Editor);
        Assert.True(created.Succeeded);
        Assert.StartsWith(AccountAdministration.SetPasswordPath + "?email=", link);

        var owner = App.Anonymous();
        var chosen = "lantern-quartz-meadow-7";
        Assert.Contains("password-done", await PostFormAsync(owner, link!, "set-password", ("Input.New", chosen), ("Input.Confirm", chosen)));
        Assert.Equal(HttpStatusCode.Redirect, (await App.Anonymous().PostSignInAsync(email, chosen)).StatusCode);

        // Once used, the link is void.
        var again = await PostFormAsync(App.Anonymous(), link!, "set-password", ("Input.New", "another-long-choice-9"), ("Input.Confirm", "another-long-choice-9"));
        Assert.Contains("not valid any more", again);
    }

    [Fact]
    public async Task A_new_password_link_voids_the_older_ones_without_signing_the_owner_out()
    {
        var email = await App.CreateAsync(Roles.Editor);
        var owner = App.Anonymous();
        await owner.PostSignInAsync(email, TestAccounts.Password);
        var id = (await Accounts.FindIdByEmailAsync(email))!;
        var older = await Accounts.IssuePasswordLinkAsync(TestEditors.Admin(), id);

        var newer = await Accounts.IssuePasswordLinkAsync(TestEditors.Admin(), id);

        Assert.NotEqual(older, newer);
        Assert.Contains("not valid any more", await PostFormAsync(App.Anonymous(), older!, "set-password", ("Input.New", "lantern-quartz-meadow-7"), ("Input.Confirm", "lantern-quartz-meadow-7")));
        Assert.Contains("Sign out", await owner.GetStringAsync("/"));
        Assert.Contains("password-done", await PostFormAsync(App.Anonymous(), newer!, "set-password", ("Input.New", "lantern-quartz-meadow-7"), ("Input.Confirm", "lantern-quartz-meadow-7")));
        Assert.Contains("not valid any more", await PostFormAsync(App.Anonymous(), newer!, "set-password", ("Input.New", "another-long-choice-9"), ("Input.Confirm", "another-long-choice-9")));
    }

    [Fact]
    public async Task A_signed_in_user_changes_their_password_and_their_other_sessions_end()
    {
        var (first, email) = await App.SignedInAsAsync(Roles.Editor);
        var second = App.Anonymous();
        await second.PostSignInAsync(email, TestAccounts.Password);

        var changed = await PostFormAsync(first, "/account/password", "change-password",
            ("Input.Current", TestAccounts.Password), ("Input.New", "harbour-violet-sextant-4"), ("Input.Confirm", "harbour-violet-sextant-4"));

        Assert.Contains("password-done", changed);
        Assert.Contains("Sign out", await first.GetStringAsync("/"));
        Assert.Equal(HttpStatusCode.Redirect, (await App.Anonymous().PostSignInAsync(email, "harbour-violet-sextant-4")).StatusCode);
        Assert.NotEqual(HttpStatusCode.Redirect, (await App.Anonymous().PostSignInAsync(email, TestAccounts.Password)).StatusCode);
    }

    [Fact]
    public async Task Guessing_the_current_password_from_a_stolen_session_is_throttled_like_sign_in()
    {
        var email = await App.CreateAsync(Roles.Editor);
        var thief = App.Anonymous();
        thief.DefaultRequestHeaders.Add(AccountsAppFactory.ClientAddressHeader, "203.0.113.9");
        await thief.PostSignInAsync(email, TestAccounts.Password);
        var answers = new List<string>();

        for (var guess = 1; guess <= SignInGuard.MaxFailures; guess++)
        {
            var page = await PostFormAsync(thief, "/account/password", "change-password",
                ("Input.Current", $"wrong-guess-number-{guess}"), ("Input.New", "harbour-violet-sextant-4"), ("Input.Confirm", "harbour-violet-sextant-4"));
            answers.Add(ErrorOf(page));
        }

        // Every wrong guess had one answer; then even the right password is refused from there.
        Assert.All(answers, answer => Assert.Equal("The current password is not right.", answer));
        var right = await PostFormAsync(thief, "/account/password", "change-password",
            ("Input.Current", TestAccounts.Password), ("Input.New", "harbour-violet-sextant-4"), ("Input.Confirm", "harbour-violet-sextant-4"));
        Assert.StartsWith("Too many wrong passwords for this account from your address.", ErrorOf(right));
        Assert.Equal(HttpStatusCode.Redirect, (await App.Anonymous().PostSignInAsync(email, TestAccounts.Password)).StatusCode);

        // The owner, from their own address, is not locked out.
        var owner = App.Anonymous();
        owner.DefaultRequestHeaders.Add(AccountsAppFactory.ClientAddressHeader, "198.51.100.20");
        await owner.PostSignInAsync(email, TestAccounts.Password);
        Assert.Contains("password-done", await PostFormAsync(owner, "/account/password", "change-password",
            ("Input.Current", TestAccounts.Password), ("Input.New", "compass-amber-orchard-2"), ("Input.Confirm", "compass-amber-orchard-2")));
    }

    private static string ErrorOf(string page) =>
        WebUtility.HtmlDecode(Regex.Match(page, "data-testid=\"password-error\"[^>]*>([^<]*)<").Groups[1].Value);

    [Fact]
    public async Task An_account_given_a_password_by_the_command_line_must_change_it_before_editing()
    {
        var email = $"handed-over-{Guid.NewGuid():N}@example.org";
        var (exit, _, error) = await App.RunCommandAsync(TestAccounts.Password + "\n", "users", "add", "--email", email, "--display-name", "Handed over desk", "--role", "Editor", "--must-change-password");
        Assert.True(exit == 0, error);
        var client = App.Anonymous();

        var signedIn = await client.PostSignInAsync(email, TestAccounts.Password);

        Assert.EndsWith("/account/password?required=true", signedIn.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/api/v1/snapshots", new StringContent("{\"title\":\"x\"}", System.Text.Encoding.UTF8, "application/json"))).StatusCode);
        Assert.Contains("password-done", await PostFormAsync(client, "/account/password?required=true", "change-password",
            ("Input.Current", TestAccounts.Password), ("Input.New", "compass-amber-orchard-2"), ("Input.Confirm", "compass-amber-orchard-2")));
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/api/v1/snapshots", new StringContent("{\"title\":\"After the change\"}", System.Text.Encoding.UTF8, "application/json"))).StatusCode);
    }

    [Fact]
    public async Task The_command_line_prints_a_password_link_and_no_password()
    {
        var email = await App.CreateAsync(Roles.Editor);

        var (exit, output, _) = await App.RunCommandAsync("", "users", "reset-password", "--email", email);

        Assert.Equal(0, exit);
        Assert.Matches(SetPasswordLink(), output);
    }

    private static async Task<string> PostFormAsync(HttpClient client, string address, string formName, params (string Name, string Value)[] fields)
    {
        var page = await client.GetStringAsync(address);
        var form = new Dictionary<string, string> { ["_handler"] = formName, ["__RequestVerificationToken"] = TestAccounts.AntiforgeryToken(page) };
        foreach (var (name, value) in fields)
        {
            form[name] = value;
        }

        var response = await client.PostAsync(address, new FormUrlEncodedContent(form));
        return await response.Content.ReadAsStringAsync();
    }

    [GeneratedRegex(@"/account/set-password\?email=[^&\s]+&code=[A-Za-z0-9_-]+")]
    private static partial Regex SetPasswordLink();
}
