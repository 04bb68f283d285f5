using System.Net;
using System.Text.RegularExpressions;
using AllianceTracker.Tests.Shared;
using AllianceTracker.Web.Api;
using AllianceTracker.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AllianceTracker.Tests.Support;

/// <summary>Accounts for tests, signed in through the real sign-in form (antiforgery, cookie and all).</summary>
public static partial class TestAccounts
{
    public const string Password = "glacier-otter-velvet-harbour";

    /// <summary>The display name <see cref="CreateAsync"/> gives an account: its role and the login's random part, so it is unique but never the login.</summary>
    public static string DisplayNameOf(string email) => "Test " + email.Split('@')[0].Replace('-', ' ');

    /// <summary>Creates an account; <paramref name="role"/> null makes a reader (signed in, no role).</summary>
    public static async Task<string> CreateAsync(this AllianceAppFactory app, string? role)
    {
        var email = $"{role?.ToLowerInvariant() ?? "reader"}-{Guid.NewGuid():N}@example.org";
        if (role is not null)
        {
            var result = await app.Services.GetRequiredService<AccountAdministration>().CreateTrustedAsync(email, DisplayNameOf(email), Password, role);
            Assert.True(result.Succeeded, string.Join(" ", result.Errors));
            return email;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var created = await users.CreateAsync(new IdentityUser { UserName = email, Email = email, EmailConfirmed = true }, Password);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        return email;
    }

    /// <summary>A client as a script is: it sends X-Requested-With, which every API write needs (a cross-site form cannot).</summary>
    public static HttpClient Anonymous(this AllianceAppFactory app)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(ScriptOnlyWrites.HeaderName, ScriptOnlyWrites.HeaderValue);
        return client;
    }

    /// <summary>A client as a browser submitting a form is: no X-Requested-With.</summary>
    public static HttpClient AsBrowserForm(this AllianceAppFactory app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>A client signed in as a new account with <paramref name="role"/> (null: a reader).</summary>
    public static async Task<HttpClient> SignedInAsync(this AllianceAppFactory app, string? role) => (await app.SignedInAsAsync(role)).Client;

    /// <summary>As <see cref="SignedInAsync"/>, with the account's login.</summary>
    public static async Task<(HttpClient Client, string Email)> SignedInAsAsync(this AllianceAppFactory app, string? role)
    {
        var email = await app.CreateAsync(role);
        var client = app.Anonymous();
        var response = await client.PostSignInAsync(email, Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (client, email);
    }

    public static async Task<HttpResponseMessage> PostSignInAsync(this HttpClient client, string email, string password, string? returnUrl = null)
    {
        var address = "/account/sign-in" + (returnUrl is null ? "" : "?returnUrl=" + Uri.EscapeDataString(returnUrl));
        var form = await client.GetStringAsync(address);
        return await client.PostAsync(address, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "sign-in",
            ["__RequestVerificationToken"] = AntiforgeryToken(form),
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
    }

    public static string AntiforgeryToken(string html) =>
        AntiforgeryPattern().Match(html) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException("The page has no antiforgery token.");

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryPattern();
}
