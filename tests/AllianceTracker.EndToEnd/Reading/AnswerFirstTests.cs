using Microsoft.Playwright;

namespace AllianceTracker.EndToEnd.Reading;

/// <summary>
/// A reader gets the answer on the first screen, on a phone and on a desktop, and reads the
/// proposal's tile map: every ally a labelled square, in either theme.
/// </summary>
public sealed class AnswerFirstTests(ReadingApp reading) : IClassFixture<ReadingApp>
{
    [Theory]
    [InlineData(390, 844)]
    [InlineData(1440, 900)]
    public async Task The_first_screen_answers_every_proposal(int width, int height)
    {
        var page = await reading.App.NewPageAsync(width, height);
        await page.GotoAsync("/");

        var lines = page.GetByTestId("answers").Locator("li.answer-line");
        await Assertions.Expect(lines).ToHaveCountAsync(3);
        for (var i = 0; i < 3; i++)
        {
            await AssertOnFirstScreenAsync(lines.Nth(i), height);
        }

        await Assertions.Expect(lines.Nth(0)).ToContainTextAsync("Hungary objects");
        await Assertions.Expect(lines.Nth(0)).ToContainTextAsync("29 still open");
        await Assertions.Expect(lines.Nth(2)).ToContainTextAsync("Germany and United States object");
        await Assertions.Expect(page.GetByTestId("summit-line")).ToHaveTextAsync("Washington Summit 2024, 9–11 July 2024 · ended · no decision recorded");

        // The answer leads to the detail: its title opens the proposal, whose own answer is on its first screen.
        await lines.Nth(0).GetByRole(AriaRole.Link, new() { Name = "€100bn five-year fund for Ukraine" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/proposals/ukraine-fund$"));
        // The address changes before enhanced navigation swaps the page in: wait for the proposal's own heading.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("€100bn five-year fund for Ukraine");
        await AssertOnFirstScreenAsync(page.Locator("ul.answers li.answer-line"), height);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(390)]
    [InlineData(1440)]
    public async Task The_tile_map_shows_every_ally_as_a_labelled_square_and_follows_the_theme(int width)
    {
        var page = await reading.App.NewPageAsync(width, 900);
        await page.GotoAsync("/proposals/ukraine-fund");

        var tiles = page.Locator("figure.stance-map a.map-member");
        await Assertions.Expect(tiles).ToHaveCountAsync(32);
        var boxes = new List<LocatorBoundingBoxResult>();
        for (var i = 0; i < 32; i++)
        {
            var tile = tiles.Nth(i);
            await Assertions.Expect(tile.Locator("text")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex($"^{await tile.GetAttributeAsync("data-member")}( (yes|if|\\?|out|no))?$"));
            boxes.Add((await tile.BoundingBoxAsync())!);
        }

        // Every ally equally visible: the same size, at least 36 px on a phone, none overlapping.
        Assert.All(boxes, b => Assert.InRange(b.Width, 36, 80));
        Assert.Single(boxes.Select(b => Math.Round(b.Width)).Distinct());
        Assert.Equal(32, boxes.Select(b => (Math.Round(b.X), Math.Round(b.Y))).Distinct().Count());

        var hungary = page.Locator("a.map-member[data-member='HUN']");
        var lightFill = await hungary.Locator("rect").GetAttributeAsync("fill");
        await page.GetByRole(AriaRole.Link, new() { Name = "Switch to dark theme" }).ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("data-theme", "dark");
        Assert.NotEqual(lightFill, await hungary.Locator("rect").GetAttributeAsync("fill"));

        // A tile is a link to the member, with its name and stance for a screen reader.
        await Assertions.Expect(hungary).ToHaveAccessibleNameAsync("HUN no: Hungary, Opposes");
        await hungary.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Hungary");
        await page.Context.CloseAsync();
    }

    private static async Task AssertOnFirstScreenAsync(ILocator element, int height)
    {
        await Assertions.Expect(element).ToBeInViewportAsync();
        var box = await element.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.Y + box.Height <= height, $"the answer ends at {box.Y + box.Height:0} px, below the first screen ({height} px)");
    }
}
