using Microsoft.Playwright;

namespace AllianceTracker.Load;

/// <summary>
/// What an editor's interactive dashboard costs the server: one editor signed in through the
/// sign-in page in a real Chromium, then <c>count</c> more dashboards opened as tabs, each its own
/// circuit; the managed heap before and after, divided by the tabs. Measured twice: at once, and
/// settled — after the shared buffer pools have had time to trim the render-batch buffers the
/// first renders borrowed — while every tab is still connected (checked: each opens its edit dialog).
/// </summary>
public static class EditorCircuits
{
    public sealed record Result(int Circuits, long Before, long AtOnce, long Settled)
    {
        public long PerCircuitAtOnce => (AtOnce - Before) / Circuits;

        public long PerCircuitSettled => (Settled - Before) / Circuits;
    }

    /// <param name="app">The app, with its editor account.</param>
    /// <param name="heap">The app's managed heap.</param>
    /// <param name="count">Dashboards to open as tabs besides the first.</param>
    /// <param name="settle">How long to leave the pools before each measurement: a minute or more for a
    /// settled figure, since pooled buffers are trimmed only after going unused a while.</param>
    public static async Task<Result> MeasureAsync(RunningApp app, ManagedHeap heap, int count, TimeSpan settle)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = FindChromium(),
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.Address.ToString(),
            ViewportSize = new ViewportSize { Width = 1400, Height = 900 },
        });
        var signIn = await context.NewPageAsync();
        await signIn.GotoAsync("account/sign-in");
        await signIn.Locator("#email").FillAsync(RunningApp.EditorEmail);
        await signIn.Locator("#password").FillAsync(RunningApp.EditorPassword);
        await signIn.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await signIn.WaitForURLAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal));
        await signIn.Locator("[data-interactive='true']").WaitForAsync();

        // The first measurement happens after the first circuit, so what is shared by all (caches, pools) is already there.
        await Task.Delay(settle);
        await heap.MeasureAsync("circuits-settle-before");
        var before = await heap.MeasureAsync("circuits-before");
        var tabs = new List<IPage>();
        for (var i = 0; i < count; i++)
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync("");
            // Interactive means the circuit is up and the dashboard's components are live in it.
            await page.Locator("[data-interactive='true']").WaitForAsync(new() { Timeout = 60_000 });
            await page.Locator("button.edit-stance").First.WaitForAsync();
            tabs.Add(page);
        }

        var atOnce = await heap.MeasureAsync("circuits-at-once");
        await Task.Delay(settle);
        // Pools trim on a full collection once their buffers have gone unused a while: one
        // collection to trim, the next to measure without what was trimmed.
        await heap.MeasureAsync("circuits-settle-after");
        var settled = await heap.MeasureAsync("circuits-settled");

        // Still live: a click on an edit button opens the dialog only through a connected circuit.
        foreach (var page in tabs)
        {
            await page.Locator("button.edit-stance").First.ClickAsync();
            await page.GetByRole(AriaRole.Dialog).WaitForAsync(new() { Timeout = 30_000 });
            await page.Keyboard.PressAsync("Escape");
        }

        return new Result(count, before, atOnce, settled);
    }

    public static string? FindChromium()
    {
        var configured = Environment.GetEnvironmentVariable("CHROMIUM_PATH");
        string[] candidates = string.IsNullOrEmpty(configured)
            ? ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"]
            : [configured];
        return candidates.FirstOrDefault(File.Exists);
    }
}
