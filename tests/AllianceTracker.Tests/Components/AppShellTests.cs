using System.Net;
using AllianceTracker.Tests.Shared;
using AllianceTracker.Tests.Support;
using AllianceTracker.Web.Features.Accounts;

namespace AllianceTracker.Tests.Components;

/// <summary>Reads only: the tests share one app of their own, on the seed.</summary>
public sealed class AppShellTests(AllianceAppFactory app) : IClassFixture<AllianceAppFactory>
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task An_unknown_address_gets_the_not_found_page_with_a_way_back()
    {
        var response = await _client.GetAsync("/no-such-page");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", html);
        Assert.Contains("Back to the dashboard", html);
    }

    [Fact]
    public async Task The_error_page_renders_without_a_circuit_even_for_an_editor_whose_pages_have_one()
    {
        // Readers never get a circuit, so only an editor shows the rule: their pages are interactive,
        // but the error page must not start a circuit (the failure may be in what one would run).
        var editor = await app.SignedInAsync(Roles.Editor);
        var page = await editor.GetStringAsync("/members/HUN");
        var response = await editor.GetAsync("/error");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains(ServerComponentMarker, page);
        Assert.Contains("Something went wrong", html);
        Assert.DoesNotContain(ServerComponentMarker, html);
    }

    [Fact]
    public async Task The_page_carries_the_favicon_as_a_data_address_of_the_served_file_which_its_policy_allows()
    {
        // One request less for every first visit (docs/page-weight.md); /favicon.svg stays for whoever asks for it.
        var response = await _client.GetAsync("/members/HUN");
        var html = await response.Content.ReadAsStringAsync();
        var svg = await _client.GetStringAsync("/favicon.svg");

        var icon = System.Text.RegularExpressions.Regex.Match(html, @"<link rel=""icon"" type=""image/svg\+xml"" href=""data:image/svg\+xml,([^""]+)""");
        Assert.True(icon.Success, "The page links no data: icon.");
        Assert.Equal(svg.Trim().Replace('"', '\''), Uri.UnescapeDataString(icon.Groups[1].Value));
        Assert.Contains("img-src 'self' data:", string.Join(' ', response.Headers.GetValues("Content-Security-Policy")));
    }

    private const string ServerComponentMarker = "<!--Blazor:{\"type\":\"server\"";

    [Fact]
    public async Task Pages_declare_their_language_one_banner_one_main_landmark_a_skip_link_to_it_and_a_live_region()
    {
        var html = await _client.GetStringAsync("/members/HUN");

        Assert.Contains("<html lang=\"en\"", html);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "<main "));
        Assert.Contains("<main id=\"main\"", html);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "<header class=\"mud-appbar"));
        // The skip link comes before the header, and names this page's address with #main.
        Assert.True(html.IndexOf("class=\"skip-link\"", StringComparison.Ordinal) < html.IndexOf("<header", StringComparison.Ordinal));
        Assert.Contains("/members/HUN#main\" class=\"skip-link\"", html);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "aria-live=\"polite\""));
        Assert.Contains("<h1", html);
    }
}
