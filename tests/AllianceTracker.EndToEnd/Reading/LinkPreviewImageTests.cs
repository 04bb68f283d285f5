namespace AllianceTracker.EndToEnd.Reading;

/// <summary>A link preview's image, as a social site fetches it from the page's OpenGraph tags, renders in a real browser.</summary>
public sealed class LinkPreviewImageTests(ReadingApp reading) : IClassFixture<ReadingApp>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/proposals/ukraine-fund")]
    public async Task The_og_image_of_a_page_renders_at_1200_by_630(string address)
    {
        var page = await reading.App.NewPageAsync();
        await page.GotoAsync(address);
        var image = await page.Locator("meta[property='og:image']").GetAttributeAsync("content");
        Assert.NotNull(image);

        var response = await page.GotoAsync(image);

        Assert.Equal(200, response!.Status);
        var size = await page.Locator("img").EvaluateAsync<int[]>("img => [img.naturalWidth, img.naturalHeight]");
        Assert.Equal([1200, 630], size);
        await page.Context.CloseAsync();
    }
}
