using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using AllianceTracker.Tests.Shared;
using AllianceTracker.Tests.Support;
using AllianceTracker.Web.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AllianceTracker.Tests.Hosting;

/// <summary>The page policy on every response a browser may open as a document, a short one on what it only fetches for a page; reads only, so the tests share one app.</summary>
public sealed partial class SecurityHeadersTests(AllianceAppFactory app) : IClassFixture<AllianceAppFactory>
{
    public static TheoryData<string> Addresses => new()
    {
        "/", "/members/HUN", "/proposals/ukraine-fund", "/account/sign-in", "/no-such-page",
        "/api/v1/positions", "/api/v1/no-such-thing", "/feeds/changes.atom", "/openapi/v1.json", "/scalar/v1", "/favicon.svg",
    };

    [Theory]
    [MemberData(nameof(Addresses))]
    public async Task Every_response_that_may_be_opened_as_a_document_forbids_sniffing_framing_plugins_and_foreign_bases(string address)
    {
        var response = await app.Anonymous().GetAsync(address);

        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        Assert.Contains("camera=()", Header(response, "Permissions-Policy"));
        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("object-src 'none'", csp);
        Assert.Contains("base-uri 'self'", csp);
        Assert.False(response.Headers.Contains("Server"));
    }

    public static TheoryData<string> Subresources => new()
    {
        "/app.css", "/AllianceTracker.Web.styles.css", "/theme/light.css", "/reading.css", "/theme.js", "/_framework/blazor.web.js", "/AllianceTracker.Web.lib.module.js",
    };

    [Theory]
    [MemberData(nameof(Subresources))]
    public async Task Stylesheets_and_scripts_forbid_sniffing_without_the_page_only_headers(string address)
    {
        var response = await app.Anonymous().GetAsync(address);

        response.EnsureSuccessStatusCode();
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        // A CSP, a permissions or framing policy applies to documents: on a stylesheet or a script it only adds bytes.
        Assert.False(response.Headers.Contains("Content-Security-Policy"));
        Assert.False(response.Headers.Contains("Permissions-Policy"));
        Assert.False(response.Headers.Contains("X-Frame-Options"));
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task The_live_stream_forbids_sniffing_without_the_page_only_headers()
    {
        using var response = await app.Anonymous().GetAsync("/api/v1/changes/stream", HttpCompletionOption.ResponseHeadersRead);

        Assert.StartsWith("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.False(response.Headers.Contains("Content-Security-Policy"));
    }

    [Theory]
    [InlineData("text/css", true)]
    [InlineData("text/javascript; charset=utf-8", true)]
    [InlineData("font/woff2", true)]
    [InlineData("text/html; charset=utf-8", false)]
    [InlineData("image/svg+xml", false)]
    [InlineData("application/json", false)]
    [InlineData(null, false)]
    public void Only_what_is_never_opened_as_a_document_counts_as_a_subresource(string? contentType, bool subresource) =>
        Assert.Equal(subresource, SecurityHeaderPolicies.IsSubresource(contentType));

    [Fact]
    public async Task Pages_run_only_the_sites_script_files_and_the_import_map_they_render()
    {
        var response = await app.Anonymous().GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();
        var scriptSources = Directive(Header(response, "Content-Security-Policy"), "script-src");

        Assert.DoesNotContain("'unsafe-inline'", scriptSources);
        Assert.DoesNotContain("'unsafe-eval'", scriptSources);
        var importMap = ImportMap().Match(html).Groups[1].Value;
        Assert.NotEmpty(importMap);
        var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(importMap)));
        Assert.Equal(["'self'", $"'sha256-{hash}'"], scriptSources);
        // Every other script on the page is a file of this site.
        Assert.All(Scripts().Matches(html).Select(m => m.Groups[1].Value), src => Assert.DoesNotContain("//", src));
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(",", values)
            : throw new Xunit.Sdk.XunitException($"{response.RequestMessage!.RequestUri} has no {name} header.");

    private static string[] Directive(string csp, string name) =>
        csp.Split(';', StringSplitOptions.TrimEntries).Single(d => d.StartsWith(name + " ", StringComparison.Ordinal)).Split(' ').Skip(1).ToArray();

    [GeneratedRegex("<script type=\"importmap\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex ImportMap();

    [GeneratedRegex("<script src=\"([^\"]+)\"")]
    private static partial Regex Scripts();
}

/// <summary>The app as deployed behind a TLS proxy at a public address.</summary>
public sealed class PublicSiteAppFactory : AllianceAppFactory
{
    public const string PublicBaseUrl = "https://tracker.example.org";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
        builder.UseSetting("Site:PublicBaseUrl", PublicBaseUrl);
    }
}

public sealed class PublicSiteTests(PublicSiteAppFactory app) : IClassFixture<PublicSiteAppFactory>
{
    private HttpClient Https() => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri(PublicSiteAppFactory.PublicBaseUrl) });

    [Fact]
    public async Task A_forged_host_header_does_not_rewrite_the_canonical_address()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/proposals/ukraine-fund");
        request.Headers.Host = "evil.example.net";

        var html = await (await Https().SendAsync(request)).Content.ReadAsStringAsync();

        Assert.Contains($"<link rel=\"canonical\" href=\"{PublicSiteAppFactory.PublicBaseUrl}/proposals/ukraine-fund\"", html, StringComparison.Ordinal);
        Assert.Contains($"<meta property=\"og:url\" content=\"{PublicSiteAppFactory.PublicBaseUrl}/proposals/ukraine-fund\"", html, StringComparison.Ordinal);
        // Nothing in the head follows the forged Host (the body's skip link is the page's own address, as asked).
        Assert.DoesNotContain("evil.example.net", html[..html.IndexOf("</head>", StringComparison.Ordinal)], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forged_host_header_does_not_rewrite_feed_ids_or_links()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/feeds/changes.atom");
        request.Headers.Host = "evil.example.net";

        var feed = XElement.Parse(await (await Https().SendAsync(request)).Content.ReadAsStringAsync());

        Assert.DoesNotContain("evil.example.net", feed.ToString());
        Assert.StartsWith(PublicSiteAppFactory.PublicBaseUrl + "/", feed.Elements().First(e => e.Name.LocalName == "link").Attribute("href")!.Value);
    }

    [Fact]
    public async Task Over_https_the_sign_in_cookie_is_secure_host_only_and_hsts_is_sent()
    {
        var email = await app.CreateAsync("Editor");
        var client = Https();
        var form = await client.GetAsync("/account/sign-in");
        Assert.Contains("max-age=31536000", string.Join(",", form.Headers.GetValues("Strict-Transport-Security")));
        var token = TestAccounts.AntiforgeryToken(await form.Content.ReadAsStringAsync());
        var antiforgeryCookie = form.Headers.GetValues("Set-Cookie").Single(c => c.Contains("Antiforgery"));
        Assert.StartsWith("__Host-", antiforgeryCookie);

        var request = new HttpRequestMessage(HttpMethod.Post, "/account/sign-in")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "sign-in", ["__RequestVerificationToken"] = token, ["Input.Email"] = email, ["Input.Password"] = TestAccounts.Password,
            }),
        };
        request.Headers.Add("Cookie", antiforgeryCookie.Split(';')[0]);
        var signedIn = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var session = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-AllianceTracker=", StringComparison.Ordinal));
        Assert.Contains("secure", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", session, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", session, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("/account/sign-in")]
    [InlineData("/members/HUN?asOf=2024-06-20")]
    public async Task A_plain_http_request_goes_to_the_same_address_over_https_instead_of_failing(string address)
    {
        // With Secure cookies configured, a form page reached over plain HTTP answered 500.
        var plain = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://tracker.example.org") });

        var response = await plain.GetAsync(address);
        var write = await plain.PostAsync("/api/v1/stances", new StringContent("{}", Encoding.UTF8, "application/json"));
        var health = await plain.GetAsync("/healthz/ready");

        Assert.Equal(HttpStatusCode.PermanentRedirect, response.StatusCode);
        Assert.Equal(PublicSiteAppFactory.PublicBaseUrl + address, response.Headers.Location!.AbsoluteUri);
        Assert.Equal(HttpStatusCode.BadRequest, write.StatusCode);
        Assert.Equal("application/problem+json", write.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task Production_errors_and_refusals_to_api_clients_are_problem_json_never_html()
    {
        var response = await Https().PostAsync("/api/v1/stances", new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}

/// <summary>Production started without saying where it is served: it runs, and says what that costs.</summary>
public sealed class UnnamedSiteTests
{
    [Fact]
    public async Task Production_without_a_public_base_url_warns_at_start()
    {
        var log = new CapturedLog();
        await using var app = new AllianceAppFactory().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            builder.ConfigureServices(services => services.AddSingleton<Serilog.Core.ILogEventSink>(log));
        });

        using var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        Assert.Contains(log.Lines, line => line.Contains("Site:PublicBaseUrl is not set", StringComparison.Ordinal));
    }
}
