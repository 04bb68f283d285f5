using System.Net;
using AllianceTracker.Tests.Shared;
using AllianceTracker.Tests.Support;
using AllianceTracker.Web.Domain;
using AllianceTracker.Web.Features.Exchange;

namespace AllianceTracker.Tests.Features.Methodology;

/// <summary>The public codebook: every code the data uses is explained there, and every page links to it.</summary>
public sealed class MethodologyPageTests(AllianceAppFactory app) : IClassFixture<AllianceAppFactory>
{
    [Theory]
    [InlineData("/methodology")]
    [InlineData("/about")]
    public async Task The_codebook_explains_every_stance_every_decision_and_every_column(string address)
    {
        var response = await app.Anonymous().GetAsync(address);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.All(StanceVocabulary.All, stance => Assert.Contains($"<tr data-stance=\"{stance.Code}\">", html, StringComparison.Ordinal));
        Assert.All(ProposalOutcomeCodes.DecisionCodes, code => Assert.Contains(code, html, StringComparison.Ordinal));
        Assert.All(TidyTables.All.SelectMany(t => t.Fields), field => Assert.Contains($"<code>{field.Name}</code>", html, StringComparison.Ordinal));
        // An example on record beside a stance, quoted from its evidence.
        Assert.Contains("Hungary on €100bn five-year fund for Ukraine: “One potential obstacle to consensus is Hungary", html, StringComparison.Ordinal);
        Assert.Contains("@misc{alliancetracker-", html, StringComparison.Ordinal);
        Assert.Contains("TY  - DATA", html, StringComparison.Ordinal);
        Assert.Contains("No licence has been chosen yet for the data", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/members/HUN")]
    [InlineData("/proposals/ramstein-coordination")]
    [InlineData("/sources")]
    [InlineData("/no-such-page")]
    public async Task Every_page_links_the_methodology_in_its_footer(string address)
    {
        // The not-found page (404) has the footer too: a lost reader finds the way to the codebook.
        var html = await (await app.Anonymous().GetAsync(address)).Content.ReadAsStringAsync();

        Assert.Matches("<footer class=\"site-footer\"[^>]*>\\s*<a href=\"methodology\"[^>]*>Methodology and codebook</a>", html);
    }
}
