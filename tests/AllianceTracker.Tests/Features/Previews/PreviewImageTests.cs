using System.Buffers.Binary;
using System.Net;
using AllianceTracker.Tests.Shared;
using AllianceTracker.Tests.Support;
using AllianceTracker.Web.Domain;
using AllianceTracker.Web.Features.Stances;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace AllianceTracker.Tests.Features.Previews;

/// <summary>The dashboard and each proposal name a generated 1200 × 630 PNG for link previews, redrawn when the data changes.</summary>
public sealed class PreviewImageTests(ITestOutputHelper output) : FreshAppTest(output)
{
    [Theory]
    [InlineData("/", "previews/dashboard.png")]
    [InlineData("/proposals/ukraine-fund", "previews/proposals/ukraine-fund.png")]
    public async Task A_reading_page_names_its_preview_image_and_the_image_is_a_1200_by_630_png(string page, string image)
    {
        var head = new HtmlParser().ParseDocument(await App.Anonymous().GetStringAsync(page)).Head!;
        var link = head.QuerySelector("meta[property='og:image']")!.GetAttribute("content")!;

        Assert.EndsWith("/" + image, link, StringComparison.Ordinal);
        Assert.True(Uri.IsWellFormedUriString(link, UriKind.Absolute), link);
        Assert.Null(head.QuerySelector("meta[name='twitter:image']")); // X reads og:image
        Assert.Equal("summary_large_image", head.QuerySelector("meta[name='twitter:card']")!.GetAttribute("content"));
        var response = await App.Anonymous().GetAsync(new Uri(link).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        var png = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        Assert.Equal((1200, 630), (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20))));
    }

    [Fact]
    public async Task A_new_stance_gives_a_new_image()
    {
        var before = await App.Anonymous().GetByteArrayAsync("/previews/proposals/ukraine-fund.png");
        var again = await App.Anonymous().GetByteArrayAsync("/previews/proposals/ukraine-fund.png");
        var recorder = App.Services.GetRequiredService<StanceRecorder>();
        var cell = await recorder.GetCellAsync("FRA", "ukraine-fund");
        await recorder.RecordAsync(TestEditors.Editor("preview-editor"), new StanceChangeInput(
            "FRA", "ukraine-fund", Stance.Opposes, null, new DateOnly(2024, 5, 1), "Preview test.",
            [new EvidenceInput("icaro-2024-04-stoltenberg-ukraine-fund", "A preview test excerpt.")], cell.Version));

        var after = await App.Anonymous().GetByteArrayAsync("/previews/proposals/ukraine-fund.png");

        Assert.Equal(before, again);
        Assert.NotEqual(before, after);
    }

    [Fact]
    public async Task A_proposal_that_does_not_exist_has_no_image()
    {
        var response = await App.Anonymous().GetAsync("/previews/proposals/no-such-fund.png");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
