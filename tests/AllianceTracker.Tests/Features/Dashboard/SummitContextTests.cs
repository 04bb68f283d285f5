using System.Net;
using System.Net.Http.Json;
using AllianceTracker.Tests.Features.Accounts;
using AllianceTracker.Tests.Support;
using AllianceTracker.Web.Domain;
using Xunit.Abstractions;

namespace AllianceTracker.Tests.Features.Dashboard;

/// <summary>The dashboard is about one summit at a time and says when it takes or took place, and what it decided.</summary>
public sealed class SummitContextTests(ITestOutputHelper output) : FreshAppTest<AccountsAppFactory>(output)
{
    [Fact]
    public async Task A_past_summit_says_it_took_place_and_lists_its_decisions()
    {
        var editor = await App.SignedInAsync("Editor");
        await editor.PostAsJsonAsync("/api/v1/proposals/ramstein-coordination/outcomes", new
        {
            outcome = "adopted-amended", decidedOn = "2024-07-10", note = "As NATO Security Assistance and Training for Ukraine.",
            evidence = new[] { new { source = "icaro-2024-04-stoltenberg-ukraine-fund", excerpt = "Summit context test excerpt." } },
        });

        var today = await App.Anonymous().GetStringAsync("/");
        var before = await App.Anonymous().GetStringAsync("/?asOf=2024-05-01");

        Assert.Contains("data-summit-phase=\"over\"", today);
        Assert.Contains("Took place on 9–11 July 2024", WebUtility.HtmlDecode(today));
        Assert.Matches("data-proposal=\"ramstein-coordination\">.*<strong>adopted in a changed form</strong> <span>on 10 July 2024</span>", today.Replace("\n", ""));
        Assert.Matches("data-proposal=\"ukraine-fund\">.*no decision on record", today.Replace("\n", ""));
        Assert.Contains("data-summit-phase=\"ahead\"", before);
        Assert.Contains("69 days after 1 May 2024", before);
    }

    [Fact]
    public async Task The_latest_summit_is_the_default_and_summit_picks_another_for_the_page_and_its_downloads()
    {
        var editor = await App.SignedInAsync("Editor");
        Assert.Equal(HttpStatusCode.Created, (await editor.PostAsJsonAsync("/api/v1/summits", new { slug = "the-hague-2025", name = "The Hague Summit 2025", city = "The Hague", startsOn = "2025-06-24", endsOn = "2025-06-25" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await editor.PostAsJsonAsync("/api/v1/proposals", new
        {
            slug = "defence-spending-5pc", summitSlug = "the-hague-2025", title = "Defence spending of 5% of GDP", description = "Allies commit to 5% of GDP by 2035.",
            proposer = "Summit context test", tabledOn = "2025-05-01",
        })).StatusCode);

        var latest = await App.Anonymous().GetStringAsync("/");
        var washington = await App.Anonymous().GetStringAsync("/?summit=washington-2024");
        var unknown = await App.Anonymous().GetStringAsync("/?summit=nowhere-1900");
        var csv = await App.Anonymous().GetStringAsync("/api/v1/exports/current.csv?summit=washington-2024");
        var badExport = await App.Anonymous().GetAsync("/api/v1/exports/current.csv?summit=nowhere-1900");

        Assert.Contains("data-summit=\"the-hague-2025\"", latest);
        Assert.Contains("data-proposal=\"defence-spending-5pc\"", latest);
        Assert.DoesNotContain("consensus-card\" data-proposal=\"ukraine-fund\"", latest);
        Assert.Contains("consensus-card\" data-proposal=\"ukraine-fund\"", washington);
        Assert.DoesNotContain("data-proposal=\"defence-spending-5pc\"", washington);
        Assert.Contains("There is no summit &#x27;nowhere-1900&#x27;", unknown);
        Assert.DoesNotContain("defence-spending-5pc", csv);
        Assert.Contains("ukraine-fund", csv);
        Assert.Equal(HttpStatusCode.BadRequest, badExport.StatusCode);
    }

    [Theory]
    [InlineData("€40bn pledge for Ukraine", "40bn-pledge-for-ukraine")]
    [InlineData("Défense: Türkiye's   view!", "defense-turkiye-s-view")]
    [InlineData("  ", "")]
    public void A_slug_is_suggested_from_the_title(string title, string slug) => Assert.Equal(slug, CodePatterns.SuggestSlug(title));
}
