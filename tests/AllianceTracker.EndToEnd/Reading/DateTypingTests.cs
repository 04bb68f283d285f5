using AllianceTracker.EndToEnd.Pages;
using Microsoft.Playwright;

namespace AllianceTracker.EndToEnd.Reading;

/// <summary>
/// A date typed one digit at a time passes through dates nobody asked for (0002-06-20, 0024-06-20,
/// 0202-06-20) on its way to 2024-06-20. At any speed, none of them is ever shown; dates the
/// alliance never saw are refused where they are typed, with the reason.
/// </summary>
public sealed class DateTypingTests(ReadingApp reading) : IClassFixture<ReadingApp>
{
    [Theory]
    [InlineData(Viewer.Reader, TypingSpeed.Fast)]
    [InlineData(Viewer.Reader, TypingSpeed.Slow)]
    [InlineData(Viewer.Editor, TypingSpeed.Fast)]
    [InlineData(Viewer.Editor, TypingSpeed.Slow)]
    public async Task Typing_a_date_digit_by_digit_shows_no_picture_but_the_one_typed(Viewer viewer, TypingSpeed speed)
    {
        var page = await OpenDashboardAsync(viewer);
        var person = new Person(page);
        var field = page.Locator("[data-testid=as-of]");
        var addresses = new List<string>();
        page.FrameNavigated += (_, frame) =>
        {
            if (frame == page.MainFrame)
            {
                addresses.Add(frame.Url);
            }
        };
        // What the page says it shows, every time it changes: no intermediate date may appear.
        await page.EvaluateAsync("""
            () => {
                window.__shownDates = [];
                new MutationObserver(() => {
                    const help = document.getElementById('as-of-help')?.textContent;
                    if (help && window.__shownDates.at(-1) !== help) window.__shownDates.push(help);
                }).observe(document.body, { subtree: true, childList: true, characterData: true });
            }
            """);

        await Person.TypeDateAsync(field, new DateOnly(2024, 6, 20), speed);
        Assert.Empty(addresses);
        Assert.Equal("2024-06-20", await field.InputValueAsync());

        await person.LeaveAsync(field);
        await new DashboardPage(page).WaitForViewAsync("asOf=2024-06-20");
        Assert.EndsWith("/?asOf=2024-06-20", Assert.Single(addresses));
        // Today's picture (where it started) and the date typed: nothing else was ever on screen.
        Assert.Equal(["Picture on 20 June 2024"], (await page.EvaluateAsync<string[]>("window.__shownDates")).Where(shown => shown != "Today's picture"));
        await Assertions.Expect(page.Locator(".stance-matrix caption")).ToContainTextAsync("as of 20 June 2024");
        await page.CloseAsync();
    }

    [Theory]
    [InlineData(Viewer.Reader, "1900-01-01", Commit.Button, "1900-01-01 is before the Washington Treaty was signed (1949-04-04): there is no picture before it.")]
    [InlineData(Viewer.Reader, "1949-04-03", Commit.Leave, "1949-04-03 is before the Washington Treaty was signed (1949-04-04): there is no picture before it.")]
    [InlineData(Viewer.Reader, "2099-01-01", Commit.Enter, "2099-01-01 is in the future: the picture can be read up to today")]
    [InlineData(Viewer.Editor, "0024-06-20", Commit.Button, "0024-06-20 is before the Washington Treaty was signed")]
    [InlineData(Viewer.Editor, "2099-01-01", Commit.Leave, "2099-01-01 is in the future")]
    public async Task A_date_outside_the_alliances_lifetime_is_refused_at_the_field_with_the_reason(Viewer viewer, string typed, Commit commit, string reason)
    {
        var page = await OpenDashboardAsync(viewer);
        var person = new Person(page);
        var field = page.Locator("[data-testid=as-of]");
        var before = page.Url;

        await Person.TypeDateAsync(field, DateOnly.Parse(typed, System.Globalization.CultureInfo.InvariantCulture), TypingSpeed.Fast);
        await person.CommitAsync(field, page.Locator("[data-testid=as-of-apply]"), commit);

        var problem = page.Locator("[data-testid=as-of-problem]");
        await Assertions.Expect(problem).ToBeVisibleAsync();
        await Assertions.Expect(problem).ToContainTextAsync(reason);
        await Assertions.Expect(field).ToHaveAttributeAsync("aria-invalid", "true");
        Assert.Equal(before, page.Url);
        await Assertions.Expect(page.Locator("#as-of-help")).ToHaveTextAsync("Today's picture");

        // Fixing the date clears the reason and applies it.
        await Person.TypeDateAsync(field, new DateOnly(2024, 5, 1), TypingSpeed.Fast);
        await Assertions.Expect(problem).ToBeHiddenAsync();
        await page.Locator("[data-testid=as-of-apply]").ClickAsync();
        await new DashboardPage(page).WaitForViewAsync("asOf=2024-05-01");
        await page.CloseAsync();
    }

    [Fact]
    public async Task Without_a_script_the_browser_refuses_a_date_before_the_alliance_and_the_server_never_draws_one()
    {
        var page = await reading.PageForAsync(Viewer.ReaderWithoutScript);
        await page.GotoAsync("/");
        var person = new Person(page);

        await Person.TypeDateAsync(page.Locator("[data-testid=as-of]"), new DateOnly(1900, 1, 1), TypingSpeed.Fast);
        await page.Locator("[data-testid=as-of-apply]").ClickAsync();
        Assert.DoesNotContain("asOf", page.Url, StringComparison.Ordinal);

        // Typed into the address instead: the page says why and shows today, never year 24.
        await page.GotoAsync("/?asOf=0024-06-20");
        await Assertions.Expect(page.Locator(".mud-alert")).ToContainTextAsync("0024-06-20 is before the Washington Treaty was signed");
        await Assertions.Expect(page.Locator("#as-of-help")).ToHaveTextAsync("Today's picture");
        await page.CloseAsync();
    }

    private async Task<IPage> OpenDashboardAsync(Viewer viewer)
    {
        var page = await reading.PageForAsync(viewer);
        await page.GotoAsync("/");
        await page.Locator(viewer == Viewer.Editor ? "[data-interactive='true']" : "html[data-live='listening']").WaitForAsync();
        return page;
    }
}
