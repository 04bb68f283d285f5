using System.Net;
using AllianceTracker.Tests.Support;
using Microsoft.AspNetCore.Hosting;

namespace AllianceTracker.Tests.Features.Accounts;

/// <summary>The deployment switch that makes reading need an account too.</summary>
public sealed class PrivateReadingAppFactory : AccountsAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Access:RequireSignInToRead", "true");
    }
}

public sealed class PrivateReadingTests : IAsyncLifetime, IAsyncDisposable
{
    private readonly PrivateReadingAppFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    // xunit 2 disposes through IAsyncLifetime.DisposeAsync above and never calls this: it says the
    // class owns what it disposes (CA1001), and it is the method xunit 3 calls.
    ValueTask IAsyncDisposable.DisposeAsync() => new(DisposeAsync());

    [Theory]
    [InlineData("/")]
    [InlineData("/members/HUN")]
    [InlineData("/proposals/ukraine-fund")]
    public async Task Pages_send_anonymous_readers_to_sign_in(string url)
    {
        var response = await _app.Anonymous().GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/sign-in", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_read_api_answers_401_to_anonymous_callers()
    {
        var response = await _app.Anonymous().GetAsync("/api/v1/positions");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_sign_in_page_and_its_assets_stay_open_and_a_signed_in_reader_reads()
    {
        var anonymous = _app.Anonymous();
        var signIn = await anonymous.GetAsync("/account/sign-in");
        var html = await signIn.Content.ReadAsStringAsync();
        var script = System.Text.RegularExpressions.Regex.Match(html, "src=\"(_framework/blazor\\.web[^\"]*\\.js)\"").Groups[1].Value;

        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/" + script)).StatusCode);
        var reader = await _app.SignedInAsync(null);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/api/v1/positions")).StatusCode);
    }
}
