using AllianceTracker.Tests.Support;
using AllianceTracker.Web.Domain;
using AllianceTracker.Web.Features.Members;
using Bunit;

namespace AllianceTracker.Tests.Features.Members;

public sealed class MemberPageTests : PageTest
{
    [Fact]
    public async Task The_timeline_lists_every_change_oldest_first_with_where_it_moved_from()
    {
        await RecordAsync("SVK", "ukraine-fund", Stance.Opposes, new DateOnly(2024, 6, 20));
        await RecordAsync("SVK", "ukraine-fund", Stance.Conditional, new DateOnly(2024, 7, 5), "Only non-lethal aid");
        await RecordAsync("SVK", "membership-invitation", Stance.Opposes, new DateOnly(2024, 5, 2));

        var page = Context.Render<MemberPage>(p => p.Add(m => m.Alpha3, "SVK"));

        var entries = page.FindAll(".timeline-entry");
        Assert.Equal(
            ["2024-04-03", "2024-04-03", "2024-05-02", "2024-06-20", "2024-07-05"],
            entries.Select(e => e.QuerySelector("time")!.GetAttribute("datetime")));
        var july = entries[^1];
        Assert.Equal(["opposes", "conditional"], july.QuerySelectorAll(".stance-chip").Select(c => c.GetAttribute("data-stance")));
        Assert.Contains("Only non-lethal aid", july.TextContent);
        // "test-editor" is a login with no account here: readers are told it is a former editor, not shown the login.
        Assert.Contains("Recorded by A former editor", july.TextContent);
        Assert.DoesNotContain("test-editor", july.TextContent);
    }

    [Fact]
    public void Current_stances_show_conditions_and_quoted_evidence_with_the_source()
    {
        var page = Context.Render<MemberPage>(p => p.Add(m => m.Alpha3, "esp"));

        Assert.Equal("Spain", page.Find("h1").TextContent);
        var fund = page.Find(".position-card[data-proposal='ukraine-fund']");
        Assert.Equal("conditional", fund.GetAttribute("data-stance"));
        Assert.Contains("wary of duplicating bilateral and EU contributions", fund.TextContent);
        Assert.Contains("Spain and Italy", fund.QuerySelector("blockquote")!.TextContent);
        Assert.Contains("ICARO Media Group", fund.QuerySelector("cite")!.TextContent);
    }

    [Fact]
    public void A_member_with_no_record_says_so()
    {
        var page = Context.Render<MemberPage>(p => p.Add(m => m.Alpha3, "FRA"));

        Assert.Empty(page.FindAll(".timeline-entry"));
        Assert.Contains("No stance has been recorded for France yet", page.Markup);
    }

    [Fact]
    public async Task A_change_to_this_member_appears_in_its_open_timeline()
    {
        var page = Context.Render<MemberPage>(p => p.Add(m => m.Alpha3, "SVK"));
        Assert.Equal(2, page.FindAll(".timeline-entry").Count);

        await RecordAsync("FRA", "ukraine-fund", Stance.Supports, new DateOnly(2024, 6, 1));
        await RecordAsync("SVK", "membership-invitation", Stance.Opposes, new DateOnly(2024, 6, 2));

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll(".timeline-entry").Count));
        Assert.Equal("2024-06-02", page.FindAll(".timeline-entry time")[^1].GetAttribute("datetime"));
    }
}
