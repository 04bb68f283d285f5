using AllianceTracker.EndToEnd.Pages;
using Microsoft.Playwright;

namespace AllianceTracker.EndToEnd.Reading;

/// <summary>
/// Moving between reading pages: a past date and the summit stay with the reader across every link
/// until they leave them, and a keyboard alone gets from the top of the page to a member's page,
/// seeing where it is at every step.
/// </summary>
public sealed class ReadingPathTests(ReadingApp reading) : IClassFixture<ReadingApp>
{
    [Theory]
    [InlineData(Viewer.Reader)]
    [InlineData(Viewer.ReaderWithoutScript)]
    [InlineData(Viewer.Editor)]
    public async Task A_past_date_and_the_summit_carry_across_links_until_the_reader_goes_back_to_today(Viewer viewer)
    {
        var page = await reading.PageForAsync(viewer);
        var view = "asOf=2024-06-20&summit=washington-2024";
        await page.GotoAsync("/?" + view);
        await WaitUntilReadyAsync(page, viewer);

        // Dashboard → a member in the matrix → a proposal on the member's page → the header's Members → back.
        await page.Locator("tr[data-member='HUN'] a.member-name").ClickAsync();
        await page.WaitForURLAsync("**/members/HUN?" + view);
        await Assertions.Expect(page.Locator("#current-heading")).ToContainTextAsync("as of 20 June 2024");

        await WaitUntilReadyAsync(page, viewer);
        await page.Locator(".position-card[data-proposal='ramstein-coordination'] h3 a").ClickAsync();
        await page.WaitForURLAsync("**/proposals/ramstein-coordination?" + view);
        await Assertions.Expect(page.Locator("#consensus-heading")).ToContainTextAsync("20 June 2024");

        await WaitUntilReadyAsync(page, viewer);
        await page.Locator("nav.top-nav").GetByRole(AriaRole.Link, new() { Name = "Members", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/members?" + view);
        await WaitUntilReadyAsync(page, viewer);
        await page.Locator("nav.top-nav").GetByRole(AriaRole.Link, new() { Name = "Dashboard", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/?" + view);
        await Assertions.Expect(page.Locator("#as-of-help")).ToHaveTextAsync("Picture on 20 June 2024");

        // Leaving the date: today's picture, and links that no longer carry it.
        await WaitUntilReadyAsync(page, viewer);
        await page.Locator("[data-testid=as-of-today]").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("asOf", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("#as-of-help")).ToHaveTextAsync("Today's picture");
        await Assertions.Expect(page.Locator("tr[data-member='HUN'] a.member-name")).ToHaveAttributeAsync("href", "members/HUN?summit=washington-2024");
        await page.CloseAsync();
    }

    [Theory]
    [InlineData(Viewer.Reader)]
    [InlineData(Viewer.Editor)]
    public async Task The_keyboard_alone_goes_from_the_skip_link_to_a_members_page_seeing_focus_at_every_step(Viewer viewer)
    {
        var page = await reading.PageForAsync(viewer);
        await page.GotoAsync("/");
        await WaitUntilReadyAsync(page, viewer);
        var person = new Person(page);

        await page.Keyboard.PressAsync("Tab");
        var skip = page.Locator("a.skip-link");
        await Assertions.Expect(skip).ToBeFocusedAsync();
        await Assertions.Expect(skip).ToBeInViewportAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("main#main")).ToBeFocusedAsync();

        // On from the page's content, never back through the header, to the first member in the matrix.
        var target = page.Locator("tr[data-member='ALB'] a.member-name");
        var steps = new List<string>();
        for (var presses = 0; presses < 80 && !await target.EvaluateAsync<bool>("a => document.activeElement === a"); presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await page.EvaluateAsync<string>(FocusedDescription);
            steps.Add(focused);
            Assert.DoesNotContain("app bar", focused, StringComparison.Ordinal);
            Assert.True(await page.EvaluateAsync<bool>(FocusIsVisible), $"no visible focus on {focused}");
        }

        await Assertions.Expect(target).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/members/ALB");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Albania");
        Assert.True(steps.Count > 3, string.Join(" → ", steps));
        await page.CloseAsync();
    }

    private const string FocusedDescription = """
        () => {
            const e = document.activeElement;
            return `${e.closest('header.mud-appbar') ? 'app bar ' : ''}${e.tagName.toLowerCase()}${e.dataset.testid ? '[' + e.dataset.testid + ']' : ''} ${(e.textContent || '').trim().slice(0, 30)}`;
        }
        """;

    // A focus ring the eye can find: an outline or a box shadow on the focused element.
    private const string FocusIsVisible = """
        () => {
            const style = getComputedStyle(document.activeElement);
            return (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1) || style.boxShadow !== 'none';
        }
        """;

    private static Task WaitUntilReadyAsync(IPage page, Viewer viewer) => viewer switch
    {
        Viewer.Editor => page.Locator("[data-interactive='true']").WaitForAsync(),
        Viewer.Reader => page.Locator("html[data-live='listening']").WaitForAsync(),
        _ => Task.CompletedTask,
    };
}
