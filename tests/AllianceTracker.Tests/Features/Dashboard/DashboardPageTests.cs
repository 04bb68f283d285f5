using AllianceTracker.Tests.Support;
using AllianceTracker.Web.Domain;
using AllianceTracker.Web.Features.Dashboard;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace AllianceTracker.Tests.Features.Dashboard;

public sealed class DashboardPageTests : PageTest
{
    private NavigationManager Navigation => Context.Services.GetRequiredService<NavigationManager>();

    private IRenderedComponent<DashboardPage> RenderAt(string relativeUrl)
    {
        Navigation.NavigateTo(relativeUrl);
        return Context.Render<DashboardPage>();
    }

    private static List<string> Rows(IRenderedComponent<DashboardPage> page) =>
        page.FindAll(".stance-matrix tbody tr").Select(tr => tr.GetAttribute("data-member")!).ToList();

    [Fact]
    public void The_url_query_sets_the_filters()
    {
        var page = RenderAt("/?region=Northern%20Europe&eu=no");

        Assert.Equal(["ISL", "NOR", "GBR"], Rows(page));
        Assert.Equal("Showing 3 of 32 members", page.Find("[data-testid=matrix-count]").TextContent);
    }

    [Fact]
    public void Sorting_by_year_joined_puts_the_founders_first_and_keeps_names_in_order_within_a_year()
    {
        var page = RenderAt("/?region=Northern%20Europe&eu=yes&sort=joined");

        // Denmark 1949; Estonia, Latvia, Lithuania 2004; Finland 2023; Sweden 2024.
        Assert.Equal(["DNK", "EST", "LVA", "LTU", "FIN", "SWE"], Rows(page));
    }

    [Fact]
    public void Sorting_by_stance_on_a_proposal_puts_its_blockers_first()
    {
        var page = RenderAt("/?on=membership-invitation&sort=stance");

        Assert.Equal(["DEU", "USA"], Rows(page).Take(2).Order().ToList());
    }

    [Fact]
    public void The_filters_are_a_get_form_whose_fields_are_the_url_parameters_of_the_view_on_screen()
    {
        var page = RenderAt("/?b9=yes&q=pol&asOf=2024-07-01&sort=stance");

        var form = page.Find("form[role=search]");
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal("pol", form.QuerySelector("input[name=q]")!.GetAttribute("value"));
        Assert.Equal("yes", form.QuerySelector("select[name=b9] option[selected]")!.GetAttribute("value"));
        Assert.Equal("stance", form.QuerySelector("select[name=sort] option[selected]")!.GetAttribute("value"));
        Assert.Equal("2024-07-01", form.QuerySelector("input[type=hidden][name=asOf]")!.GetAttribute("value"));
        Assert.Equal(["POL"], Rows(page));
        // Clearing the filters keeps the date.
        var clear = page.Find("[data-testid=clear-filters]").GetAttribute("href")!;
        Assert.DoesNotContain("b9=", clear);
        Assert.DoesNotContain("q=", clear);
        Assert.Contains("asOf=2024-07-01", clear);
    }

    [Fact]
    public void An_as_of_date_before_any_record_shows_everyone_unknown()
    {
        var page = RenderAt("/?asOf=2024-01-01");

        Assert.All(page.FindAll(".stance-matrix td"), td => Assert.Equal("unknown", td.GetAttribute("data-stance")));
        Assert.Contains("1 January 2024", page.Find(".page-subtitle").TextContent);
    }

    [Fact]
    public void An_unreadable_as_of_date_says_so_and_shows_today()
    {
        var page = RenderAt("/?asOf=2024-02-30");

        Assert.Contains("is not a date", page.Find(".mud-alert").TextContent);
        Assert.Equal("opposes", page.Find("tr[data-member='HUN'] td[data-proposal='ukraine-fund']").GetAttribute("data-stance"));
    }

    [Fact]
    public void A_future_as_of_date_says_so_and_shows_today()
    {
        // The page's clock says 2026-11-28: the day after has no picture yet.
        var page = RenderAt("/?asOf=2026-11-29");

        Assert.Contains("2026-11-29 is in the future", page.Find(".mud-alert").TextContent);
        Assert.Contains("28 November 2026", page.Find(".page-subtitle").TextContent);
        Assert.Equal("opposes", page.Find("tr[data-member='HUN'] td[data-proposal='ukraine-fund']").GetAttribute("data-stance"));
    }

    [Theory]
    [InlineData("0024-06-20")]
    [InlineData("1949-04-03")]
    public void A_date_before_the_washington_treaty_says_so_and_shows_today(string asOf)
    {
        // Typed digit by digit, a date passes through years like 0024: no picture of one is drawn.
        var page = RenderAt($"/?asOf={asOf}");

        Assert.Contains($"{asOf} is before the Washington Treaty was signed (1949-04-04)", page.Find(".mud-alert").TextContent);
        Assert.Contains("28 November 2026", page.Find(".page-subtitle").TextContent);
    }

    [Fact]
    public void Consensus_cards_link_to_their_proposal_and_member_names_to_their_member_page()
    {
        var page = RenderAt("/");

        Assert.Equal("proposals/ukraine-fund", page.Find(".consensus-card[data-proposal='ukraine-fund'] .proposal-link").GetAttribute("href"));
        Assert.Equal("members/HUN", page.Find("tr[data-member='HUN'] .member-name").GetAttribute("href"));
    }

    [Fact]
    public async Task A_stance_change_appears_without_a_reload_and_the_changed_cell_is_marked()
    {
        var page = RenderAt("/");
        Assert.Equal("unknown", page.Find("tr[data-member='FRA'] td[data-proposal='ukraine-fund']").GetAttribute("data-stance"));

        await RecordAsync("FRA", "ukraine-fund", Stance.Supports, new DateOnly(2024, 5, 1));

        page.WaitForAssertion(() =>
        {
            var cell = page.Find("tr[data-member='FRA'] td[data-proposal='ukraine-fund']");
            Assert.Equal("supports", cell.GetAttribute("data-stance"));
            Assert.Contains("cell-changed", cell.ClassName);
        });
        Assert.DoesNotContain("cell-changed", page.Find("tr[data-member='HUN'] td[data-proposal='ukraine-fund']").ClassName ?? "");
    }

    [Fact]
    public void A_closed_page_stops_listening_for_changes()
    {
        var page = RenderAt("/");
        Assert.Equal(1, Notifier.SubscriberCount);

        page.Instance.Dispose();

        Assert.Equal(0, Notifier.SubscriberCount);
    }
}
