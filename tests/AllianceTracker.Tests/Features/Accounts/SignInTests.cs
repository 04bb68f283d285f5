using System.Net;
using AllianceTracker.Tests.Shared;
using AllianceTracker.Tests.Support;
using AllianceTracker.Web.Features.Accounts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Xunit.Abstractions;

namespace AllianceTracker.Tests.Features.Accounts;

/// <summary>
/// An app of its own, with every log line it writes captured. A request may say which client
/// address it comes from (<see cref="ClientAddressHeader"/>), as a real connection would: the test
/// server has none.
/// </summary>
public class AccountsAppFactory : AllianceAppFactory
{
    public const string ClientAddressHeader = "X-Test-Client-Address";

    public CapturedLog Log { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<ILogEventSink>(Log);
            services.AddSingleton<IStartupFilter, ClientAddressFromHeader>();
        });
    }

    private sealed class ClientAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue(ClientAddressHeader, out var address))
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(address.ToString());
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

/// <summary>The same with the sign-in rate limit at 12 attempts a minute.</summary>
public sealed class RateLimitedAppFactory : AccountsAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Access:SignInAttemptsPerMinute", "12");
    }
}

public sealed class SignInTests(ITestOutputHelper output) : FreshAppTest<AccountsAppFactory>(output)
{
    [Fact]
    public async Task The_right_password_signs_in_and_the_pages_show_who_is_signed_in()
    {
        var email = await App.CreateAsync("Editor");
        var client = App.Anonymous();

        var response = await client.PostSignInAsync(email, TestAccounts.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", LocalPath(response));
        var dashboard = await client.GetStringAsync("/");
        // The header names the account by its display name; the login stays out of the page.
        Assert.Contains(TestAccounts.DisplayNameOf(email), WebUtility.HtmlDecode(dashboard));
        Assert.DoesNotContain(email, dashboard);
        Assert.Contains("Sign out", dashboard);
        Assert.Contains(App.Log.Lines, line => line.Contains($"{email} signed in", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_message_and_no_session()
    {
        var email = await App.CreateAsync("Editor");
        var client = App.Anonymous();

        var response = await client.PostSignInAsync(email, "not-the-password");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("do not match an active account", await response.Content.ReadAsStringAsync());
        Assert.DoesNotContain("Sign out", await client.GetStringAsync("/"));
    }

    [Fact]
    public async Task Five_failures_from_one_address_throttle_that_address_for_that_email_but_nobody_else()
    {
        var email = await App.CreateAsync("Editor");
        var attacker = App.Anonymous();
        attacker.DefaultRequestHeaders.Add(AccountsAppFactory.ClientAddressHeader, "203.0.113.7");
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await attacker.PostSignInAsync(email, $"wrong-guess-{attempt}");
        }

        var throttled = await attacker.PostSignInAsync(email, TestAccounts.Password);
        var editor = App.Anonymous();
        editor.DefaultRequestHeaders.Add(AccountsAppFactory.ClientAddressHeader, "198.51.100.20");
        var fromTheEditorsDesk = await editor.PostSignInAsync(email, TestAccounts.Password);

        Assert.Equal(HttpStatusCode.OK, throttled.StatusCode);
        Assert.Contains("Too many failed attempts", await throttled.Content.ReadAsStringAsync());
        Assert.DoesNotContain("Sign out", await attacker.GetStringAsync("/"));
        Assert.Equal(HttpStatusCode.Redirect, fromTheEditorsDesk.StatusCode);
    }

    [Fact]
    public async Task Unknown_disabled_and_wrong_password_accounts_get_the_same_answer()
    {
        var disabled = await App.CreateAsync("Editor");
        var accounts = App.Services.GetRequiredService<AccountAdministration>();
        await accounts.SetDisabledAsync(TestEditors.Admin(), (await accounts.FindIdByEmailAsync(disabled))!, disabled: true);
        var known = await App.CreateAsync("Editor");

        var answers = new List<string>();
        foreach (var (email, password) in new[] { ("nobody-" + Guid.NewGuid().ToString("N") + "@example.org", TestAccounts.Password), (disabled, TestAccounts.Password), (known, "a-wrong-password-here") })
        {
            var page = await (await App.Anonymous().PostSignInAsync(email, password)).Content.ReadAsStringAsync();
            answers.Add(System.Text.RegularExpressions.Regex.Match(page, "data-testid=\"sign-in-error\"[^>]*>([^<]*)<").Groups[1].Value);
        }

        Assert.Equal("That email and password do not match an active account.", answers[0]);
        Assert.All(answers, answer => Assert.Equal(answers[0], answer));
    }

    [Theory]
    [InlineData("/members/HUN", "/members/HUN")]
    [InlineData("//evil.example.org/phish", "/")]
    [InlineData("https://evil.example.org/", "/")]
    [InlineData("/members/HUN\u0001", "/")]
    [InlineData("/members/Türkiye", "/")]
    [InlineData("/\t/evil.example.org/", "/")]
    public async Task After_signing_in_only_local_return_addresses_are_followed(string returnUrl, string expected)
    {
        var email = await App.CreateAsync("Editor");

        var response = await App.Anonymous().PostSignInAsync(email, TestAccounts.Password, returnUrl);

        Assert.Equal(expected, LocalPath(response));
    }

    /// <summary>The redirect's path, after checking it stays on this app's own host.</summary>
    private static string LocalPath(HttpResponseMessage response)
    {
        var location = response.Headers.Location ?? throw new InvalidOperationException("No redirect.");
        if (!location.IsAbsoluteUri)
        {
            return location.OriginalString;
        }

        Assert.Equal("localhost", location.Host);
        return location.PathAndQuery;
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var client = await App.SignedInAsync("Editor");
        var page = await client.GetStringAsync("/");

        var response = await client.PostAsync("/account/sign-out", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = TestAccounts.AntiforgeryToken(page),
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain("Sign out", await client.GetStringAsync("/"));
    }

    [Fact]
    public async Task Signing_out_without_the_antiforgery_token_is_refused()
    {
        var client = await App.SignedInAsync("Editor");

        var response = await client.PostAsync("/account/sign-out", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Sign out", await client.GetStringAsync("/"));
    }

    [Fact]
    public async Task No_password_ever_appears_in_a_log_line()
    {
        var email = await App.CreateAsync("Admin");
        await App.Anonymous().PostSignInAsync(email, "wrong-password-that-must-not-be-logged");
        await App.Anonymous().PostSignInAsync(email, TestAccounts.Password);

        Assert.Contains(App.Log.Lines, line => line.Contains($"Failed sign-in for {email}", StringComparison.Ordinal));
        Assert.DoesNotContain(App.Log.Lines, line => line.Contains("wrong-password-that-must-not-be-logged", StringComparison.Ordinal));
        Assert.DoesNotContain(App.Log.Lines, line => line.Contains(TestAccounts.Password, StringComparison.Ordinal));
    }
}

/// <summary>Its own app: the rate-limit test spends a whole minute's allowance.</summary>
public sealed class SignInRateLimitTests
{
    [Fact]
    public async Task Sign_in_attempts_beyond_the_limit_get_429()
    {
        await using var rateLimited = new RateLimitedAppFactory();
        var client = rateLimited.Anonymous();
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 14; attempt++)
        {
            statuses.Add((await client.PostSignInAsync("nobody@example.org", "wrong")).StatusCode);
        }

        Assert.Equal(12, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }
}
