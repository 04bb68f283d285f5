using Microsoft.Playwright;

namespace AllianceTracker.EndToEnd.Reading;

/// <summary>A reader finds the methodology from any page's footer and reads the codebook there, on a phone.</summary>
public sealed class MethodologyTests(ReadingApp reading) : IClassFixture<ReadingApp>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/members/HUN")]
    [InlineData("/proposals/ukraine-fund")]
    public async Task The_footer_leads_to_the_methodology_and_its_codebook(string start)
    {
        var page = await reading.App.NewPageAsync(width: 390, height: 844);
        await page.GotoAsync(start);

        var link = page.Locator("footer.site-footer").GetByRole(AriaRole.Link, new() { Name = "Methodology and codebook" });
        await link.ScrollIntoViewIfNeededAsync();
        await link.ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/methodology$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Methodology and codebook");
        await Assertions.Expect(page.Locator("table.codebook").First.Locator("tbody tr")).ToHaveCountAsync(6);
        // The data dictionary opens by its summary, with no script needed, and names the columns.
        var history = page.Locator("#table-history");
        await history.Locator("summary").ClickAsync();
        await Assertions.Expect(history.GetByRole(AriaRole.Rowheader, new() { Name = "effective_date_approximate" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("citation")).ToContainTextAsync("(accessed ");
        await page.Context.CloseAsync();
    }
}
