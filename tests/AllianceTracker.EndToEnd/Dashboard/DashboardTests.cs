using AllianceTracker.EndToEnd.Infrastructure;
using AllianceTracker.EndToEnd.Pages;

namespace AllianceTracker.EndToEnd.Dashboard;

public sealed class DashboardTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task The_dashboard_shows_all_32_members_and_the_three_consensus_cards()
    {
        var dashboard = new DashboardPage(await app.NewPageAsync());

        await dashboard.OpenAsync();

        Assert.Equal(32, await dashboard.MemberRows.CountAsync());
        Assert.Equal(3, await dashboard.ConsensusCards.CountAsync());
        Assert.Equal("blocked", await dashboard.Card("ukraine-fund").GetAttributeAsync("data-status"));
        Assert.Contains("Blocked by Hungary", await dashboard.Card("ukraine-fund").InnerTextAsync());
        Assert.Contains("Blocked by Germany, United States", await dashboard.Card("membership-invitation").InnerTextAsync());
        Assert.Equal("Opposes", (await dashboard.Cell("HUN", "ramstein-coordination").Locator(".stance-chip").InnerTextAsync()).Trim());
        Assert.Equal("Supports", (await dashboard.Cell("EST", "membership-invitation").Locator(".stance-chip").InnerTextAsync()).Trim());
        await dashboard.Page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_members_with_no_position_open_up_on_click()
    {
        var dashboard = new DashboardPage(await app.NewPageAsync());
        await dashboard.OpenAsync();
        var unknownList = dashboard.Card("ramstein-coordination").Locator("details p");
        Assert.False(await unknownList.IsVisibleAsync());

        await dashboard.Card("ramstein-coordination").Locator("details summary").ClickAsync();

        Assert.True(await unknownList.IsVisibleAsync());
        Assert.Contains("France", await unknownList.InnerTextAsync());
        await dashboard.Page.Context.CloseAsync();
    }
}
