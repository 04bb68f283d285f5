using System.Net;
using System.Net.Http.Json;
using AllianceTracker.Tests.Shared;
using AllianceTracker.Tests.Support;
using AllianceTracker.Web.Features.Accounts;
using AllianceTracker.Web.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace AllianceTracker.Tests.Features.Accounts;

/// <summary>The app with sessions checked on every request, so a test sees a revocation at once instead of within the minute.</summary>
public sealed class EveryRequestCheckedAppFactory : AllianceAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Access:SessionCheckInterval", "00:00:00");
    }
}

public sealed class SessionRevocationTests(ITestOutputHelper output) : FreshAppTest<EveryRequestCheckedAppFactory>(output)
{
    private HttpClient? _versionReader;

    private AccountAdministration Accounts => App.Services.GetRequiredService<AccountAdministration>();

    /// <summary>Saves a stance for Slovakia on top of its current version, as an editor's script would.</summary>
    private async Task<HttpStatusCode> SaveAsync(HttpClient client, string stance)
    {
        // The cell's version is read by another editor: the session under test may already be refused.
        _versionReader ??= await App.SignedInAsync(Roles.Editor);
        var cell = await _versionReader.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>("/api/v1/stances/cell?member=SVK&proposal=ukraine-fund");
        var response = await client.PostAsJsonAsync("/api/v1/stances", new
        {
            member = "SVK", proposal = "ukraine-fund", stance, effectiveDate = "2024-06-02", reason = "Checking whether this session may still write.",
            evidence = new[] { new { source = "icaro-2024-04-stoltenberg-ukraine-fund", excerpt = "An excerpt." } },
            expectedVersion = (Guid?)cell!["version"],
        });
        return response.StatusCode;
    }

    [Fact]
    public async Task After_an_admin_removes_the_editor_role_the_old_cookie_can_no_longer_write_or_open_editor_pages()
    {
        var (editor, email) = await App.SignedInAsAsync(Roles.Editor);
        Assert.Equal(HttpStatusCode.Created, await SaveAsync(editor, "supports"));

        var id = await Accounts.FindIdByEmailAsync(email);
        Assert.True((await Accounts.SetRoleAsync(TestEditors.Admin(), id!, Roles.Editor, member: false)).Succeeded);

        Assert.Equal(HttpStatusCode.Unauthorized, await SaveAsync(editor, "opposes"));
        Assert.Equal(HttpStatusCode.Redirect, (await editor.GetAsync("/proposals/new")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await editor.GetAsync("/audit")).StatusCode);
    }

    [Fact]
    public async Task A_cookie_copied_before_sign_out_is_refused_after_it()
    {
        var (editor, _) = await App.SignedInAsAsync(Roles.Editor);
        var copied = CopyCookies(editor);

        var page = await editor.GetStringAsync("/");
        var signedOut = await editor.PostAsync("/account/sign-out", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = TestAccounts.AntiforgeryToken(page),
            ["returnUrl"] = "/",
        }));
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, await SaveAsync(copied, "opposes"));
    }

    [Fact]
    public async Task A_disabled_account_is_signed_out_and_cannot_sign_in_until_enabled()
    {
        var (editor, email) = await App.SignedInAsAsync(Roles.Editor);
        var id = await Accounts.FindIdByEmailAsync(email);

        Assert.True((await Accounts.SetDisabledAsync(TestEditors.Admin(), id!, disabled: true)).Succeeded);

        Assert.Equal(HttpStatusCode.Unauthorized, await SaveAsync(editor, "opposes"));
        Assert.NotEqual(HttpStatusCode.Redirect, (await App.Anonymous().PostSignInAsync(email, TestAccounts.Password)).StatusCode);
        Assert.True((await Accounts.ListAsync(TestEditors.Admin())).Single(a => a.Email == email).IsDisabled);

        Assert.True((await Accounts.SetDisabledAsync(TestEditors.Admin(), id!, disabled: false)).Succeeded);
        Assert.Equal(HttpStatusCode.Redirect, (await App.Anonymous().PostSignInAsync(email, TestAccounts.Password)).StatusCode);
    }

    [Fact]
    public async Task Signing_an_account_out_everywhere_ends_every_session_but_keeps_its_role()
    {
        var (first, email) = await App.SignedInAsAsync(Roles.Editor);
        var second = App.Anonymous();
        Assert.Equal(HttpStatusCode.Redirect, (await second.PostSignInAsync(email, TestAccounts.Password)).StatusCode);

        Assert.True((await Accounts.RevokeSessionsAsync(TestEditors.Admin(), (await Accounts.FindIdByEmailAsync(email))!)).Succeeded);

        Assert.Equal(HttpStatusCode.Unauthorized, await SaveAsync(first, "opposes"));
        Assert.Equal(HttpStatusCode.Unauthorized, await SaveAsync(second, "opposes"));
        var again = App.Anonymous();
        Assert.Equal(HttpStatusCode.Redirect, (await again.PostSignInAsync(email, TestAccounts.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, await SaveAsync(again, "opposes"));
    }

    [Fact]
    public async Task An_admin_cannot_disable_their_own_account()
    {
        var email = await App.CreateAsync(Roles.Admin);
        var result = await Accounts.SetDisabledAsync(TestEditors.Admin(email), (await Accounts.FindIdByEmailAsync(email))!, disabled: true);

        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task The_command_line_lists_sets_the_only_role_of_and_disables_an_account()
    {
        var email = await App.CreateAsync(Roles.Editor);

        var (exit, output, _) = await App.RunCommandAsync("", "users", "set-role", "--email", email, "--role", "Admin");
        Assert.Equal((0, true), (exit, output.Contains("now has the role Admin")));
        Assert.Equal([Roles.Admin], (await Accounts.ListAsync(TestEditors.Admin())).Single(a => a.Email == email).Roles);

        Assert.Equal(0, (await App.RunCommandAsync("", "users", "set-role", "--email", email, "--role", "None")).Exit);
        Assert.Empty((await Accounts.ListAsync(TestEditors.Admin())).Single(a => a.Email == email).Roles);

        Assert.Equal(0, (await App.RunCommandAsync("", "users", "disable", "--email", email)).Exit);
        var listed = (await App.RunCommandAsync("", "users", "list")).Output.Split('\n').Single(line => line.StartsWith(email, StringComparison.Ordinal));
        Assert.Equal([email, TestAccounts.DisplayNameOf(email), "None", "disabled"], listed.TrimEnd('\r').Split('\t'));

        var (unknownExit, _, error) = await App.RunCommandAsync("", "users", "disable", "--email", "nobody@example.org");
        Assert.Equal((1, true), (unknownExit, error.Contains("No account has the email nobody@example.org")));
    }

    private HttpClient CopyCookies(HttpClient signedIn)
    {
        // WebApplicationFactory clients keep cookies in a handler; a replay is a second client sending the same Cookie header.
        var copy = App.Anonymous();
        var response = signedIn.GetAsync("/").GetAwaiter().GetResult();
        var cookies = response.RequestMessage!.Headers.TryGetValues("Cookie", out var values) ? string.Join("; ", values) : "";
        Assert.Contains(".AspNetCore.Identity.Application", cookies);
        copy.DefaultRequestHeaders.Add("Cookie", cookies);
        return copy;
    }
}

public sealed class SessionCheckDefaultsTests : IClassFixture<AllianceAppFactory>
{
    private readonly AllianceAppFactory _app;

    public SessionCheckDefaultsTests(AllianceAppFactory app) => _app = app;

    [Fact]
    public void By_default_cookies_and_open_editors_are_checked_at_least_every_minute()
    {
        var interval = _app.Services.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value.ValidationInterval;

        Assert.InRange(interval, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        Assert.Equal(new AccessOptions().SessionCheckInterval, interval);
    }
}

/// <summary>An open editor page (a circuit) learns that its account lost access, without a new request.</summary>
public sealed class CircuitRevalidationTests(ITestOutputHelper output) : FreshAppTest<EveryRequestCheckedAppFactory>(output)
{
    [Fact]
    public async Task A_circuit_whose_account_is_disabled_becomes_anonymous_within_its_check_interval()
    {
        var email = await App.CreateAsync(Roles.Editor);
        await using var scope = App.Services.CreateAsyncScope();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<IdentityUser>>();
        var principal = await signIn.CreateUserPrincipalAsync((await signIn.UserManager.FindByEmailAsync(email))!);
        var provider = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider>();
        var changed = new TaskCompletionSource<System.Security.Claims.ClaimsPrincipal>(TaskCreationOptions.RunContinuationsAsynchronously);
        provider.AuthenticationStateChanged += async state =>
        {
            // Setting the page's user announces it too; the revalidation's change is the anonymous one.
            if ((await state).User.Identity?.IsAuthenticated != true)
            {
                changed.TrySetResult((await state).User);
            }
        };
        // As the circuit does when it starts: the user of the page's request.
        ((Microsoft.AspNetCore.Components.Authorization.IHostEnvironmentAuthenticationStateProvider)provider)
            .SetAuthenticationState(Task.FromResult(new Microsoft.AspNetCore.Components.Authorization.AuthenticationState(principal)));

        var accounts = App.Services.GetRequiredService<AccountAdministration>();
        Assert.True((await accounts.SetDisabledAsync(TestEditors.Admin(), (await accounts.FindIdByEmailAsync(email))!, disabled: true)).Succeeded);

        var user = await changed.Task.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.False(user.Identity?.IsAuthenticated);
        Assert.False((await provider.GetAuthenticationStateAsync()).User.Identity?.IsAuthenticated);
    }
}
