using AllianceTracker.EndToEnd.Infrastructure;
using AllianceTracker.EndToEnd.Pages;

namespace AllianceTracker.EndToEnd.Analyst;

public sealed class PermalinkTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Filters_set_in_the_ui_live_in_the_url_and_the_copied_url_opens_the_same_view()
    {
        var dashboard = new DashboardPage(await app.NewPageAsync());
        await dashboard.OpenAsync();

        await dashboard.ChooseAsync("region", "Northern Europe", "region=Northern");
        await dashboard.ChooseAsync("eu", "EU members", "eu=yes");
        await dashboard.ChooseAsync("sort", "Year joined", "sort=joined");
        var copied = dashboard.Page.Url;
        var rows = await dashboard.MemberCodesAsync();

        Assert.Contains("region=Northern+Europe", copied);
        Assert.Contains("eu=yes", copied);
        Assert.Equal(["DNK", "EST", "LVA", "LTU", "FIN", "SWE"], rows);

        var reopened = new DashboardPage(await app.NewPageAsync());
        await reopened.GoToAsync(new Uri(copied).PathAndQuery);

        Assert.Equal(rows, await reopened.MemberCodesAsync());
        Assert.Equal("Showing 6 of 32 members", (await reopened.Count.InnerTextAsync()).Trim());
        await Microsoft.Playwright.Assertions.Expect(reopened.Page.Locator("[data-testid=filter-region]")).ToHaveValueAsync("Northern Europe");
        await dashboard.CloseAsync();
        await reopened.CloseAsync();
    }

    [Fact]
    public async Task The_search_box_and_as_of_date_are_part_of_the_link_too()
    {
        var dashboard = new DashboardPage(await app.NewPageAsync());
        await dashboard.OpenAsync();

        await dashboard.SearchAsync("hun");
        await dashboard.ShowDateAsync(new DateOnly(2024, 4, 2));

        // On 2 April 2024 only the invitation (no tabled date in the source) was on the table.
        Assert.Equal(["HUN"], await dashboard.MemberCodesAsync());
        await Microsoft.Playwright.Assertions.Expect(dashboard.Cell("HUN", "membership-invitation")).ToHaveAttributeAsync("data-stance", "unknown");
        Assert.Equal(0, await dashboard.Cell("HUN", "ukraine-fund").CountAsync());

        var reopened = new DashboardPage(await app.NewPageAsync());
        await reopened.GoToAsync(new Uri(dashboard.Page.Url).PathAndQuery);
        Assert.Equal("unknown", await reopened.Cell("HUN", "membership-invitation").GetAttributeAsync("data-stance"));
        Assert.Equal(0, await reopened.Cell("HUN", "ukraine-fund").CountAsync());
        await dashboard.CloseAsync();
        await reopened.CloseAsync();
    }

    [Fact]
    public async Task From_the_dashboard_an_analyst_reaches_the_proposal_and_the_member_and_the_map_links_back_to_members()
    {
        var dashboard = new DashboardPage(await app.NewPageAsync());
        await dashboard.OpenAsync();

        await dashboard.Card("ukraine-fund").Locator(".proposal-link").ClickAsync();
        await dashboard.WaitForAddressAsync("/proposals/ukraine-fund");
        var proposal = new ProposalPage(dashboard.Page);
        await Microsoft.Playwright.Assertions.Expect(proposal.Group("conditional")).ToContainTextAsync("Spain");

        await proposal.MapMember("HUN").ClickAsync();
        await dashboard.WaitForAddressAsync("/members/HUN");
        await Microsoft.Playwright.Assertions.Expect(dashboard.Page.Locator("h1")).ToHaveTextAsync("Hungary");
        await dashboard.CloseAsync();
    }

    [Fact]
    public async Task Tabbing_into_the_tile_map_rings_a_member_and_Enter_opens_it()
    {
        var proposal = new ProposalPage(await app.NewPageAsync());
        await proposal.OpenAsync("ukraine-fund");
        var first = proposal.Page.Locator("figure.stance-map a.map-member").First;
        var code = await first.GetAttributeAsync("data-member");

        // From the last link before the map, one Tab lands on its first tile.
        await proposal.Page.Locator("figure.stance-bar .chart-downloads a").Last.FocusAsync();
        await proposal.Page.Keyboard.PressAsync("Tab");

        await Microsoft.Playwright.Assertions.Expect(first).ToBeFocusedAsync();
        Assert.Equal("3px", await first.Locator("rect").EvaluateAsync<string>("r => getComputedStyle(r).strokeWidth"));
        await proposal.Page.Keyboard.PressAsync("Enter");
        await proposal.WaitForAddressAsync($"/members/{code}");
        await proposal.CloseAsync();
    }
}
