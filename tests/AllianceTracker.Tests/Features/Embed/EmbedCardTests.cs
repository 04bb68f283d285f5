using System.Net;
using AllianceTracker.Tests.Shared;
using AllianceTracker.Tests.Support;
using AllianceTracker.Web.Features.Embed;

namespace AllianceTracker.Tests.Features.Embed;

/// <summary>The embeddable cards as another site's frame gets them; reads only, so the tests share one app.</summary>
public sealed class EmbedCardTests(AllianceAppFactory app) : IClassFixture<AllianceAppFactory>
{
    [Fact]
    public async Task A_proposals_card_gives_the_answer_the_count_the_time_and_the_way_back()
    {
        var response = await app.Anonymous().GetAsync("/embed/proposals/ukraine-fund");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("data-status=\"blocked\"", html);
        Assert.Contains("Blocked by Hungary", html);
        Assert.Contains("ended · no decision recorded", WebUtility.HtmlDecode(html));
        Assert.Matches("""<li data-stance="opposes"><i [^>]*></i>Opposes <b>1</b></li>""", html);
        Assert.Matches("""<li data-stance="unknown"><i [^>]*></i>Unknown <b>28</b></li>""", html);
        Assert.Contains("As of ", html);
        Assert.Contains($"href=\"{app.Server.BaseAddress.ToString().TrimEnd('/')}/proposals/ukraine-fund\"", html);
        Assert.Contains("data-live-scope=\"proposal:ukraine-fund\"", html);
        // Nothing of the app's shell: no MudBlazor stylesheet, no Blazor script, no circuit.
        Assert.DoesNotContain("MudBlazor", html);
        Assert.DoesNotContain("blazor.web", html);
    }

    [Fact]
    public async Task A_card_and_its_script_weigh_under_20_KB()
    {
        var client = app.Anonymous();
        var dashboard = await client.GetByteArrayAsync("/embed/dashboard");
        var script = await client.GetByteArrayAsync("/embed.js");

        Assert.InRange(dashboard.Length + script.Length, 1, 20 * 1024);
    }

    [Fact]
    public async Task The_dashboards_card_has_every_proposal_and_follows_every_change()
    {
        var html = await app.Anonymous().GetStringAsync("/embed/dashboard");

        Assert.Equal(3, System.Text.RegularExpressions.Regex.Count(html, "<section class=\"card\""));
        Assert.Contains("data-live-scope=\"all\"", html);
    }

    [Theory]
    [InlineData("dark", "data-theme=\"dark\"")]
    [InlineData("light", "data-theme=\"light\"")]
    [InlineData("DARK", "data-theme=\"dark\"")]
    public async Task The_theme_is_chosen_by_parameter(string theme, string expected)
    {
        var html = await app.Anonymous().GetStringAsync($"/embed/proposals/ukraine-fund?theme={theme}");

        Assert.Contains(expected, html);
    }

    [Fact]
    public async Task Without_a_theme_the_card_follows_the_readers_system()
    {
        var html = await app.Anonymous().GetStringAsync("/embed/proposals/ukraine-fund?theme=purple");

        Assert.Contains("<html lang=\"en\">", html);
        Assert.Contains("prefers-color-scheme:dark", html);
    }

    [Fact]
    public async Task An_unknown_proposal_has_no_card()
    {
        var response = await app.Anonymous().GetAsync("/embed/proposals/no-such-proposal");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/embed/proposals/ramstein-coordination")]
    [InlineData("/embed/dashboard")]
    public async Task Any_site_may_frame_a_card(string address)
    {
        var response = await app.Anonymous().GetAsync(address);

        Assert.False(response.Headers.Contains("X-Frame-Options"));
        var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors *", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.Contains("connect-src 'self'", csp);
    }
}

/// <summary>Embed:AllowedOrigins narrows who may frame the cards, and a value that is not an origin stops the start.</summary>
public sealed class EmbedFramingOriginsTests
{
    [Fact]
    public async Task Only_the_allowed_origins_may_frame_a_card_and_still_nobody_frames_a_page()
    {
        await using var app = new AllianceAppFactory
        {
            Settings = new Dictionary<string, string>
            {
                ["Embed:AllowedOrigins:0"] = "https://news.example.org",
                ["Embed:AllowedOrigins:1"] = "https://blog.example.net/",
            },
        };
        var client = app.Anonymous();

        var card = await client.GetAsync("/embed/proposals/ukraine-fund");
        var page = await client.GetAsync("/proposals/ukraine-fund");

        Assert.Contains("frame-ancestors https://news.example.org https://blog.example.net", string.Join(' ', card.Headers.GetValues("Content-Security-Policy")));
        Assert.Contains("frame-ancestors 'none'", string.Join(' ', page.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("DENY", Assert.Single(page.Headers.GetValues("X-Frame-Options")));
    }

    [Theory]
    [InlineData("news.example.org")]
    [InlineData("https://news.example.org/articles")]
    [InlineData("javascript:alert(1)")]
    public void A_value_that_is_not_an_origin_is_refused_by_name(string origin)
    {
        var failure = Assert.Throws<InvalidOperationException>(() => new EmbedOptions { AllowedOrigins = ["https://news.example.org", origin] }.CheckedOrigins());

        Assert.Contains($"'{origin}'", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_app_does_not_start_with_such_a_value()
    {
        using var app = new AllianceAppFactory { Settings = new Dictionary<string, string> { ["Embed:AllowedOrigins:0"] = "news.example.org" } };

        Assert.ThrowsAny<Exception>(() => app.CreateClient());
    }
}
