using AllianceTracker.Tests.Support;
using AllianceTracker.Web.Features.Accounts;
using AllianceTracker.Web.Features.Summits;
using Bunit;
using Microsoft.EntityFrameworkCore;

namespace AllianceTracker.Tests.Features.Summits;

public sealed class NewSummitPageTests : PageTest
{
    protected override void ConfigureServices()
    {
        Authorization.SetAuthorized("summit-editor@example.org");
        Authorization.SetRoles(Roles.Editor);
        Authorization.SetPolicies(Policies.CanEdit);
        Context.Services.AddSummits();
    }

    private IRenderedComponent<NewSummitPage> RenderFilledIn(string? startsOn, string? endsOn)
    {
        var page = Context.Render<NewSummitPage>();
        page.Find("[data-testid=summit-slug] input, input[data-testid=summit-slug]").Change("vilnius-2023");
        page.Find("[data-testid=summit-name] input, input[data-testid=summit-name]").Change("Vilnius Summit");
        page.Find("[data-testid=summit-city] input, input[data-testid=summit-city]").Change("Vilnius");
        if (startsOn is not null)
        {
            page.Find("[data-testid=summit-starts] input, input[data-testid=summit-starts]").Change(startsOn);
        }

        if (endsOn is not null)
        {
            page.Find("[data-testid=summit-ends] input, input[data-testid=summit-ends]").Change(endsOn);
        }

        return page;
    }

    [Fact]
    public async Task A_missing_start_date_is_shown_at_the_start_field_and_nothing_is_saved()
    {
        var page = RenderFilledIn(startsOn: null, endsOn: "2023-07-12");

        page.Find("[data-testid=summit-save]").Click();

        page.WaitForAssertion(() =>
        {
            Assert.Equal("true", page.Find("input[data-testid=summit-starts], [data-testid=summit-starts] input").GetAttribute("aria-invalid"));
            Assert.Contains("Give the first day.", page.Markup);
        });
        Assert.NotEqual("true", page.Find("input[data-testid=summit-ends], [data-testid=summit-ends] input").GetAttribute("aria-invalid"));
        await using var db = Database.CreateDbContext();
        Assert.False(await db.Summits.AnyAsync(s => s.Slug == "vilnius-2023"));
    }

    [Fact]
    public async Task A_summit_that_ends_before_it_starts_is_shown_at_the_end_field()
    {
        var page = RenderFilledIn(startsOn: "2023-07-12", endsOn: "2023-07-11");

        page.Find("[data-testid=summit-save]").Click();

        page.WaitForAssertion(() => Assert.Contains("cannot end (2023-07-11) before it starts (2023-07-12)", page.Markup));
        await using var db = Database.CreateDbContext();
        Assert.False(await db.Summits.AnyAsync(s => s.Slug == "vilnius-2023"));
    }

    [Fact]
    public async Task A_complete_summit_is_saved()
    {
        var page = RenderFilledIn(startsOn: "2023-07-11", endsOn: "2023-07-12");

        page.Find("[data-testid=summit-save]").Click();

        await using var db = Database.CreateDbContext();
        page.WaitForAssertion(() => Assert.True(db.Summits.Any(s => s.Slug == "vilnius-2023" && s.City == "Vilnius")));
    }
}
