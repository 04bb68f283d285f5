using System.Text.Json;
using AllianceTracker.EndToEnd.Infrastructure;
using AllianceTracker.EndToEnd.Pages;
using Microsoft.Playwright;
using MiniExcelLibs;
using Roles = AllianceTracker.Web.Features.Accounts.Roles;

namespace AllianceTracker.EndToEnd.Editors;

public sealed class SnapshotFlowTests : FreshBrowserAppTest
{
    private static async Task<byte[]> DownloadAsync(IPage page, string format)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator($"[data-testid=download-{format}]").ClickAsync());
        Assert.EndsWith("." + format, download.SuggestedFilename);
        Assert.StartsWith("alliance-snapshot-", download.SuggestedFilename);
        return await File.ReadAllBytesAsync((await download.PathAsync())!);
    }

    [Fact]
    [Trait("Category", "Screenshots")]
    public async Task An_editor_freezes_a_snapshot_opens_its_permalink_and_downloads_every_format()
    {
        var page = await App.SignedInPageAsync(Roles.Editor);
        await new DashboardPage(page).GoToAsync("/snapshots");

        await page.Locator("[data-testid=snapshot-title]").FillAsync("Before the Washington summit");
        await page.Locator("[data-testid=snapshot-as-of]").FillAsync("2024-07-08");
        await page.Locator("[data-testid=snapshot-create]").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/snapshots/[a-z0-9]{10}$"));

        var permalink = page.Url;
        var anonymous = new DashboardPage(await App.NewPageAsync(acceptDownloads: true));
        await anonymous.GoToAsync(new Uri(permalink).PathAndQuery);
        await Assertions.Expect(anonymous.Page.Locator("h1")).ToHaveTextAsync("Before the Washington summit");
        await Assertions.Expect(anonymous.Page.Locator("[data-testid=snapshot-verified]")).ToContainTextAsync("Verified");
        var hash = await anonymous.Page.Locator("[data-testid=snapshot-hash]").InnerTextAsync();
        await PageChecks.SaveScreenshotAsync(anonymous.Page, "snapshot-light.png", fullPage: false);

        var csv = System.Text.Encoding.UTF8.GetString(await DownloadAsync(anonymous.Page, "csv"));
        var json = await DownloadAsync(anonymous.Page, "json");
        var xlsx = await DownloadAsync(anonymous.Page, "xlsx");
        var markdown = System.Text.Encoding.UTF8.GetString(await DownloadAsync(anonymous.Page, "md"));

        Assert.Contains("2024-07-08,HUN,Hungary,ukraine-fund", csv);
        Assert.Equal(hash, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(json)));
        Assert.Equal("2024-07-08", JsonDocument.Parse(json).RootElement.GetProperty("asOf").GetString());
        using (var stream = new MemoryStream(xlsx))
        {
            // In the dashboard's order.
            Assert.Equal(["Summary", "ukraine-fund", "ramstein-coordination", "membership-invitation", "Sources"], MiniExcel.GetSheetNames(stream));
        }

        Assert.Contains("# Alliance consensus brief — as of 2024-07-08", markdown);
        Assert.Contains("blocked by Germany, United States", markdown);
        await anonymous.CloseAsync();
        await page.Context.CloseAsync();
    }
}
