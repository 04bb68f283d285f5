using System.Net;
using System.Text;
using AllianceTracker.Tests.Shared;
using AllianceTracker.Tests.Support;
using AllianceTracker.Web.Features.Accounts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace AllianceTracker.Tests.Hosting;

/// <summary>Sessions checked on every request, so the disabled caller is refused at once.</summary>
public sealed class SweepAppFactory : AllianceAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Access:SessionCheckInterval", "00:00:00");
    }
}

/// <summary>
/// Every route the app maps (its endpoint data source, not a hand-kept list of URLs) against every
/// kind of caller. A route added without an entry in <see cref="Expected"/> fails the first test,
/// so nobody can add an endpoint and forget to decide who may use it.
/// </summary>
public sealed class RouteSweepTests(SweepAppFactory app) : IClassFixture<SweepAppFactory>
{
    public enum Access
    {
        Anyone,
        SignedIn,
        Editor,
        Admin,
    }

    public enum Caller
    {
        Anonymous,
        Reader,
        Editor,
        Admin,
        Disabled,
    }

    /// <summary>Who may use each route; the app's own framework routes (Blazor's circuit, static files) are not the app's to decide.</summary>
    private static readonly Dictionary<string, Access> Expected = new()
    {
        ["* /healthz"] = Access.Anyone,
        ["* /healthz/ready"] = Access.Anyone,
        // Anyone on this machine or an allowed network (MetricsOptions; MetricsTests): not a matter of accounts.
        ["* /metrics"] = Access.Anyone,
        ["GET /api/v1/changes/stream"] = Access.Anyone,
        ["GET /api/v1/consensus"] = Access.Anyone,
        ["GET /api/v1/diff.{format}"] = Access.Anyone,
        ["GET /api/v1/exports/current.{format}"] = Access.Anyone,
        ["GET /api/v1/members"] = Access.Anyone,
        ["GET /api/v1/members/{alpha3}"] = Access.Anyone,
        ["GET /api/v1/positions"] = Access.Anyone,
        ["GET /api/v1/proposals"] = Access.Anyone,
        ["GET /api/v1/proposals/{slug}"] = Access.Anyone,
        ["GET /api/v1/proposals/{slug}/outcomes/{id:long}"] = Access.Anyone,
        ["GET /api/v1/summits"] = Access.Anyone,
        ["GET /api/v1/summits/{slug}"] = Access.Anyone,
        ["GET /api/v1/stances/{id:long}"] = Access.Anyone,
        ["GET /api/v1/sources/{key}"] = Access.Anyone,
        ["GET /api/v1/snapshots"] = Access.Anyone,
        ["GET /api/v1/snapshots/latest"] = Access.Anyone,
        ["GET /snapshots/latest"] = Access.Anyone,
        ["GET /api/v1/snapshots/{id}"] = Access.Anyone,
        ["GET /api/v1/snapshots/{id}/export.{format}"] = Access.Anyone,
        ["GET /api/v1/sources/"] = Access.Anyone,
        ["GET /api/v1/stances/cell"] = Access.Editor,
        ["GET /api/v1/stances"] = Access.Anyone,
        ["GET /api/v1/decisions"] = Access.Anyone,
        ["GET /api/v1/exports/members.csv"] = Access.Anyone,
        ["GET /api/v1/exports/proposals.csv"] = Access.Anyone,
        ["GET /api/v1/exports/sources.csv"] = Access.Anyone,
        ["GET /api/v1/exports/history.csv"] = Access.Anyone,
        ["GET /api/v1/exports/decisions.csv"] = Access.Anyone,
        ["GET /api/v1/exports/evidence.csv"] = Access.Anyone,
        ["GET /api/v1/exports/datapackage.json"] = Access.Anyone,
        ["GET /api/v1/exports/datapackage.zip"] = Access.Anyone,
        ["GET /feeds/changes.atom"] = Access.Anyone,
        ["GET,POST /methodology"] = Access.Anyone,
        ["GET,POST /about"] = Access.Anyone,
        ["GET /embed/proposals/{slug}"] = Access.Anyone,
        ["GET /embed/dashboard"] = Access.Anyone,
        ["GET,POST /changes"] = Access.Anyone,
        ["GET /charts/proposals/{slug}/map.svg"] = Access.Anyone,
        ["GET /charts/proposals/{slug}/bar.svg"] = Access.Anyone,
        ["GET /previews/dashboard.png"] = Access.Anyone,
        ["GET /previews/proposals/{slug}.png"] = Access.Anyone,
        ["GET /openapi/{documentName}.json"] = Access.Anyone,
        ["GET /scalar/{documentName?}"] = Access.Anyone,
        ["GET /theme"] = Access.Anyone,
        ["GET /theme/{mode}.css"] = Access.Anyone,
        ["GET,POST /"] = Access.Anyone,
        ["GET,POST /account/access-denied"] = Access.Anyone,
        ["GET,POST /account/password"] = Access.SignedIn,
        ["GET,POST /account/set-password"] = Access.Anyone,
        ["GET,POST /account/sign-in"] = Access.Anyone,
        ["GET,POST /admin/import"] = Access.Admin,
        ["GET,POST /admin/users"] = Access.Admin,
        ["GET,POST /audit"] = Access.Editor,
        ["GET,POST /news"] = Access.Editor,
        ["GET,POST /compare"] = Access.Anyone,
        ["GET,POST /error"] = Access.Anyone,
        ["GET,POST /members"] = Access.Anyone,
        ["GET,POST /members/{Alpha3}"] = Access.Anyone,
        ["GET,POST /not-found"] = Access.Anyone,
        ["GET,POST /proposals"] = Access.Anyone,
        ["GET,POST /proposals/{Slug}"] = Access.Anyone,
        ["GET,POST /proposals/{Slug}/edit"] = Access.Editor,
        ["GET,POST /proposals/new"] = Access.Editor,
        ["GET,POST /snapshots"] = Access.Anyone,
        ["GET,POST /snapshots/{Id}"] = Access.Anyone,
        ["GET,POST /sources"] = Access.Anyone,
        ["GET,POST /summits/new"] = Access.Editor,
        ["POST /account/sign-out"] = Access.Anyone,
        ["POST /api/v1/imports"] = Access.Admin,
        ["POST /api/v1/news/suggestions"] = Access.Editor,
        ["POST /api/v1/news/acceptances"] = Access.Editor,
        ["POST /api/v1/proposals"] = Access.Editor,
        ["POST /api/v1/proposals/{slug}/outcomes"] = Access.Editor,
        ["POST /api/v1/proposals/{slug}/outcomes/{id:long}/retraction"] = Access.Editor,
        ["POST /api/v1/snapshots"] = Access.Editor,
        ["POST /api/v1/sources/"] = Access.Editor,
        ["POST /api/v1/stances/"] = Access.Editor,
        ["POST /api/v1/stances/statements"] = Access.Editor,
        ["POST /api/v1/stances/evidence"] = Access.Editor,
        ["POST /api/v1/stances/{id:long}/retraction"] = Access.Editor,
        ["POST /api/v1/summits"] = Access.Editor,
        ["PUT /api/v1/proposals/{slug}"] = Access.Editor,
        ["PUT /api/v1/sources/{key}"] = Access.Editor,
    };

    private static readonly Dictionary<string, string> SampleValues = new(StringComparer.OrdinalIgnoreCase)
    {
        ["alpha3"] = "HUN", ["slug"] = "ukraine-fund", ["id"] = "1", ["id:long"] = "1", ["format"] = "csv", ["documentName"] = "v1",
        ["documentName?"] = "v1", ["key"] = "icaro-2024-04-stoltenberg-ukraine-fund", ["mode"] = "dark", ["**path"] = "v1/no-such-thing",
    };

    private IEnumerable<(string Key, string Method, string Pattern)> AppRoutes()
    {
        app.CreateClient().Dispose();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = endpoint.RoutePattern.RawText ?? "";
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"];
            // The framework's own: static files (no leading slash), Blazor's circuit hub and the file fallback.
            if (!pattern.StartsWith('/') || pattern.StartsWith("/_blazor", StringComparison.Ordinal) || pattern.StartsWith("/_framework", StringComparison.Ordinal)
                || pattern.StartsWith("/scalar/", StringComparison.Ordinal) && !pattern.Contains('{'))
            {
                continue;
            }

            yield return ($"{string.Join(",", methods)} {pattern}", methods[0] == "*" ? "GET" : methods[0], pattern);
        }
    }

    [Fact]
    public void Every_route_the_app_maps_has_a_decided_access_level()
    {
        var mapped = AppRoutes().Select(r => r.Key).ToHashSet();

        Assert.Empty(mapped.Except(Expected.Keys));
        Assert.Empty(Expected.Keys.Except(mapped));
    }

    [Theory]
    [InlineData(Caller.Anonymous)]
    [InlineData(Caller.Reader)]
    [InlineData(Caller.Editor)]
    [InlineData(Caller.Admin)]
    [InlineData(Caller.Disabled)]
    public async Task Each_route_lets_in_exactly_the_callers_its_access_level_names(Caller caller)
    {
        var client = await ClientAsync(caller);
        var wrong = new List<string>();
        foreach (var (key, method, pattern) in AppRoutes().Where(r => Expected.ContainsKey(r.Key)))
        {
            var address = string.Concat(pattern.Split('/').Select(segment => segment.Length == 0 ? "" : "/" + Fill(segment)));
            using var request = new HttpRequestMessage(new HttpMethod(method), address);
            if (method is "POST" or "PUT")
            {
                request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
            }

            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            var refusedAs = RefusalOf(response);
            var allowed = Allows(Expected[key], caller);
            if (allowed && refusedAs is not null)
            {
                wrong.Add($"{key}: {caller} should be let in, got {refusedAs}");
            }
            else if (!allowed && refusedAs is null)
            {
                wrong.Add($"{key}: {caller} should be refused, got {(int)response.StatusCode}");
            }
        }

        Assert.Empty(wrong);
    }

    private static bool Allows(Access access, Caller caller) => access switch
    {
        Access.Anyone => true,
        Access.SignedIn => caller is Caller.Reader or Caller.Editor or Caller.Admin,
        Access.Editor => caller is Caller.Editor or Caller.Admin,
        _ => caller is Caller.Admin,
    };

    /// <summary>How the server said no, if it did: 401/403 for the API, a redirect to sign in or to "access denied" for pages.</summary>
    private static string? RefusalOf(HttpResponseMessage response)
    {
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            return ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var location = response.Headers.Location?.OriginalString ?? "";
        return response.StatusCode == HttpStatusCode.Redirect && (location.Contains("/account/sign-in", StringComparison.Ordinal) || location.Contains("/account/access-denied", StringComparison.Ordinal))
            ? "redirect to " + location.Split('?')[0]
            : null;
    }

    private static string Fill(string segment) =>
        System.Text.RegularExpressions.Regex.Replace(segment, @"\{([^}]+)\}", m => SampleValues.TryGetValue(m.Groups[1].Value, out var value) ? value : throw new InvalidOperationException($"No sample value for {m.Value}"));

    private async Task<HttpClient> ClientAsync(Caller caller)
    {
        switch (caller)
        {
            case Caller.Anonymous:
                return app.Anonymous();
            case Caller.Reader:
                return await app.SignedInAsync(null);
            case Caller.Editor:
                return await app.SignedInAsync(Roles.Editor);
            case Caller.Admin:
                return await app.SignedInAsync(Roles.Admin);
            default:
                var (client, email) = await app.SignedInAsAsync(Roles.Admin);
                var accounts = app.Services.GetRequiredService<AccountAdministration>();
                Assert.True((await accounts.SetDisabledAsync(TestEditors.Admin(), (await accounts.FindIdByEmailAsync(email))!, disabled: true)).Succeeded);
                return client;
        }
    }
}
