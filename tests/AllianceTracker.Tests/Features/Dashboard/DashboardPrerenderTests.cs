using System.Net;
using AllianceTracker.Tests.Shared;

namespace AllianceTracker.Tests.Features.Dashboard;

/// <summary>Reads only: the tests share one app of their own, on the seed.</summary>
public sealed class DashboardPrerenderTests(AllianceAppFactory app) : IClassFixture<AllianceAppFactory>
{
    [Fact]
    public async Task The_first_html_already_holds_the_matrix_and_the_consensus_cards()
    {
        var client = app.CreateClient();

        var response = await client.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(32, CountOf(html, "<tr data-member="));
        Assert.Equal(3, CountOf(html, "consensus-card\" data-proposal"));
        Assert.Equal(3, CountOf(html, "class=\"answer-line\""));
        Assert.Contains("Blocked by Hungary", html);
        Assert.Contains("Blocked by Germany, United States", html);
    }

    [Fact]
    public async Task A_reader_gets_a_lean_page_with_no_circuit_and_no_edit_controls()
    {
        var response = await app.CreateClient().GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("<body data-mode=\"reading\">", html);
        Assert.DoesNotContain("<!--Blazor:{\"type\":\"server\"", html);
        Assert.DoesNotContain("edit-stance", html);
        Assert.False(response.Headers.Contains("Set-Cookie"), "a reading page sets no cookie");
        Assert.True(html.Length <= 64 * 1024, $"the seeded dashboard is {html.Length} bytes of HTML");
    }

    private static int CountOf(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
