using System.Net;
using AllianceTracker.Tests.Shared;

namespace AllianceTracker.Tests.Features.Proposals;

/// <summary>Reads only: the tests share one app of their own, on the seed.</summary>
public sealed class PageRoutesTests(AllianceAppFactory app) : IClassFixture<AllianceAppFactory>
{
    private readonly HttpClient _client = app.CreateClient();

    [Theory]
    [InlineData("/members/XKX")]
    [InlineData("/members/ukraine")]
    [InlineData("/proposals/nato-space-force")]
    public async Task An_unknown_member_or_proposal_gets_a_real_404_page(string url)
    {
        var response = await _client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/members/HUN", "Hungary")]
    [InlineData("/members/hun", "Hungary")]
    [InlineData("/proposals/ramstein-coordination", "NATO leads Ramstein coordination")]
    [InlineData("/members", "Members")]
    [InlineData("/proposals", "Proposals")]
    public async Task Pages_are_prerendered_with_their_data(string url, string heading)
    {
        var html = await _client.GetStringAsync(url);

        Assert.Matches($"<h1[^>]*>{heading}</h1>", html);
    }

    [Fact]
    public async Task The_proposal_page_as_of_shows_each_side_of_a_stance_change()
    {
        var before = await _client.GetStringAsync("/proposals/ukraine-fund?asOf=2024-04-02");
        var after = await _client.GetStringAsync("/proposals/ukraine-fund?asOf=2024-04-03");

        Assert.DoesNotContain("Blocked by Hungary", before);
        Assert.Contains("On 2 April 2024 this proposal was not on the table yet: it was tabled c. 3 April 2024", before);
        Assert.Contains("Blocked by Hungary", after);
        Assert.Contains("data-member=\"HUN\" data-stance=\"opposes\"", after);
    }

    [Fact]
    public async Task The_dashboard_as_of_is_derived_from_the_history()
    {
        var html = await _client.GetStringAsync("/?asOf=2024-04-02");

        // Only the invitation (no tabled date in the source) was on the table before c. 3 April.
        Assert.Equal(32, System.Text.RegularExpressions.Regex.Count(html, "<td data-proposal=\"membership-invitation\" data-stance=\"unknown\""));
        Assert.DoesNotContain("data-proposal=\"ukraine-fund\"", html);
        Assert.Contains("2 April 2024", html);
    }
}
