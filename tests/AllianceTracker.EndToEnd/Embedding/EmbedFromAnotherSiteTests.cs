using AllianceTracker.EndToEnd.Infrastructure;
using AllianceTracker.Tests.Shared;
using AllianceTracker.Web.Domain;
using AllianceTracker.Web.Features.Stances;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AllianceTracker.EndToEnd.Embedding;

/// <summary>
/// A newsroom's article on a site of its own (another origin, served here by the browser's request
/// on another loopback port) that frames the proposal's live card and reads the API and the change stream from its
/// own script — what issue 26 asked for: reuse from another site, live.
/// </summary>
public sealed class EmbedFromAnotherSiteTests : FreshBrowserAppTest
{
    [Fact]
    public async Task A_card_framed_by_another_site_updates_live_and_that_site_reads_the_api_and_stream()
    {
        // The newsroom's editor copies the embed code from the proposal's page...
        var page = await App.NewPageAsync();
        await page.GotoAsync("proposals/ramstein-coordination");
        await page.GetByText("Embed this on your site").ClickAsync();
        var code = await page.GetByLabel("Code for your page").InputValueAsync();
        Assert.StartsWith("<iframe src=\"", code, StringComparison.Ordinal);

        // ...into an article on the newsroom's own site, whose script also reads the API and the stream.
        var app = App.BaseAddress.ToString().TrimEnd('/');
        await using var newsroom = await NewsroomSite.StartAsync(Article(app, code));
        await page.GotoAsync(new Uri(newsroom.Address, "live-blog").ToString());

        var card = page.FrameLocator("iframe");
        await Assertions.Expect(card.Locator("section[data-proposal='ramstein-coordination'] h2")).ToContainTextAsync("Ramstein");
        await Assertions.Expect(card.Locator("li[data-stance='supports'] b")).ToHaveTextAsync("0");
        // The newsroom's own script read the positions and opened the stream from its origin.
        await Assertions.Expect(page.Locator("#positions")).ToHaveTextAsync("96 positions");
        await Assertions.Expect(page.Locator("#stream")).ToHaveTextAsync("open");
        await Assertions.Expect(card.Locator("html[data-live='listening']")).ToHaveCountAsync(1);

        var recorder = App.Services.GetRequiredService<StanceRecorder>();
        var cell = await recorder.GetCellAsync("FRA", "ramstein-coordination");
        await recorder.RecordAsync(TestEditors.Editor("e2e-editor"), new StanceChangeInput(
            "FRA", "ramstein-coordination", Stance.Supports, null, new DateOnly(2024, 6, 14),
            "End-to-end test: France backs the NATO lead.",
            [new EvidenceInput("icaro-2024-04-stoltenberg-ukraine-fund", "End-to-end test excerpt.")], cell.Version));

        await Assertions.Expect(card.Locator("li[data-stance='supports'] b")).ToHaveTextAsync("1");
        await Assertions.Expect(card.Locator("span.segment[data-stance='supports']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#changes li")).ToHaveTextAsync("FRA on ramstein-coordination");
    }

    [Fact]
    public async Task Another_site_cannot_frame_the_reading_pages_only_the_cards()
    {
        var page = await App.NewPageAsync();
        var app = App.BaseAddress.ToString().TrimEnd('/');
        var html = $"""
            <!DOCTYPE html><html lang="en"><head><title>Framing</title></head><body>
            <iframe title="dashboard" src="{app}/"></iframe>
            <iframe title="card" src="{app}/embed/dashboard"></iframe>
            </body></html>
            """;
        await using var newsroom = await NewsroomSite.StartAsync(html);
        await page.GotoAsync(new Uri(newsroom.Address, "framing").ToString());

        await Assertions.Expect(page.FrameLocator("iframe[title='card']").Locator("section.card")).ToHaveCountAsync(3);
        // The refused frame holds Chromium's error document, not the app's page.
        var dashboard = await (await page.Locator("iframe[title='dashboard']").ElementHandleAsync())!.ContentFrameAsync();
        await dashboard!.WaitForLoadStateAsync();
        Assert.StartsWith("chrome-error:", dashboard.Url, StringComparison.Ordinal);
        Assert.Equal(0, await dashboard.Locator("[data-live-version]").CountAsync());
    }

    /// <summary>An article page of a newsroom: the proposal's card in a frame, and its own script reading the API and the stream.</summary>
    private static string Article(string app, string embedCode) => $$"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>Live: the Washington summit</title></head>
        <body>
        <h1>Live: the Washington summit</h1>
        {{embedCode}}
        <p>Positions: <span id="positions">…</span>; stream: <span id="stream">closed</span></p>
        <ul id="changes"></ul>
        <script>
        fetch('{{app}}/api/v1/positions')
            .then(r => r.json())
            .then(body => { document.getElementById('positions').textContent = (body.positions || body).length + ' positions'; })
            .catch(e => { document.getElementById('positions').textContent = 'refused: ' + e; });
        const stream = new EventSource('{{app}}/api/v1/changes/stream');
        stream.addEventListener('open', () => { document.getElementById('stream').textContent = 'open'; });
        stream.addEventListener('error', () => { document.getElementById('stream').textContent = 'error'; });
        stream.addEventListener('change', event => {
            for (const cell of JSON.parse(event.data).cells) {
                const item = document.createElement('li');
                item.textContent = cell.member + ' on ' + cell.proposal;
                document.getElementById('changes').append(item);
            }
        });
        </script>
        </body></html>
        """;
}
