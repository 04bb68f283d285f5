using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace AllianceTracker.Load;

/// <summary>
/// What a reader's phone downloads for a page and how soon it shows it (issue 25): Chromium as a
/// phone (390×844, device scale 3, touch) on Lighthouse's slow 4G (150 ms round trip, 1.6 Mbit/s
/// down, 750 kbit/s up) with the CPU slowed 4×, a cold cache for every load, the app's own
/// compression. Per page: bytes transferred by type (headers included) and the largest contentful
/// paint. Each page is loaded as it is served (reading.css) and as it was (MudBlazor.min.css served in
/// its place), interleaved, in the same run.
/// </summary>
public static class PageWeight
{
    public const int DashboardBudgetBytes = 75 * 1024;
    public static readonly TimeSpan PaintBudget = TimeSpan.FromSeconds(1.2);

    // Lighthouse's mobile throttling, as its simulated settings say it (its DevTools mode stretches the
    // round trip to 562.5 ms to stand in for connection set-up; this applies the figures as they are).
    private const double RoundTripMs = 150;
    private const double DownloadBytesPerSecond = 1.6 * 1024 * 1024 / 8;
    private const double UploadBytesPerSecond = 750 * 1024 / 8.0;
    private const double CpuSlowdown = 4;

    /// <summary>One page load: bytes on the wire by type (HTTP/1.1, headers included), the bodies alone, the paint.</summary>
    public sealed record Load(long Html, long Css, long Js, long Other, long Bodies, double PaintMs, string PaintElement, string Encoding)
    {
        public long Total => Html + Css + Js + Other;
    }

    /// <summary>The loads of one page with one stylesheet, over the rounds.</summary>
    public sealed record Result(string Path, bool WholeSheet, List<Load> Loads)
    {
        public Load First => Loads[0];

        public double MedianPaintMs => Loads.Select(l => l.PaintMs).Order().ElementAt(Loads.Count / 2);
    }

    /// <summary>The page-weight run (<c>--page-weight</c>): the app started as for the load run, the three pages measured, a table printed.</summary>
    internal static async Task RunAsync(string appDll, string folder, int rounds)
    {
        Console.WriteLine($"AllianceTracker page weight — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores; {rounds} round(s); "
            + $"a 390×844 phone (scale 3, touch), {RoundTripMs:0} ms round trip, {DownloadBytesPerSecond * 8 / 1024 / 1024:0.0} Mbit/s down, {UploadBytesPerSecond * 8 / 1024:0} kbit/s up, CPU {CpuSlowdown:0}× slower, cold cache");
        if (EditorCircuits.FindChromium() is null)
        {
            throw new InvalidOperationException("No Chromium found: set CHROMIUM_PATH.");
        }

        await using var running = await RunningApp.StartAsync(appDll, folder);
        var results = await MeasureAsync(running.Address, ["", "proposals/ukraine-fund", "members/HUN"], rounds);
        var report = new Report();
        foreach (var path in results.Select(r => r.Path).Distinct())
        {
            var now = results.Single(r => r.Path == path && !r.WholeSheet);
            var before = results.Single(r => r.Path == path && r.WholeSheet);
            var (load, was) = (now.First, before.First);
            var bytes = $"{Kb(load.Total)}: HTML {Kb(load.Html)} ({load.Encoding}), CSS {Kb(load.Css)}, JS {Kb(load.Js)}, other {Kb(load.Other)} (bodies alone {Kb(load.Bodies)}); "
                + $"with MudBlazor.min.css {Kb(was.Total)} (CSS {Kb(was.Css)}; bodies {Kb(was.Bodies)}): {(double)load.Total / was.Total:0.00}×";
            if (path.Length == 0)
            {
                report.Budget($"/{path} transferred", bytes, $"≤ {Kb(DashboardBudgetBytes)}", load.Total <= DashboardBudgetBytes);
            }
            else
            {
                report.Line($"/{path} transferred", bytes);
            }

            var paints = $"median {now.MedianPaintMs:0} ms ({string.Join(", ", now.Loads.Select(l => l.PaintMs.ToString("0", CultureInfo.InvariantCulture)))}; {load.PaintElement}); "
                + $"with MudBlazor.min.css {before.MedianPaintMs:0} ms: {now.MedianPaintMs / before.MedianPaintMs:0.00}×";
            report.Budget($"/{path} largest contentful paint", paints, $"≤ {PaintBudget.TotalSeconds:0.0} s", now.MedianPaintMs <= PaintBudget.TotalMilliseconds);
        }

        report.Print();
    }

    public static async Task<List<Result>> MeasureAsync(Uri app, IReadOnlyList<string> paths, int rounds)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = EditorCircuits.FindChromium(),
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var results = paths.SelectMany(p => new[] { new Result(p, false, []), new Result(p, true, []) }).ToList();
        // A throwaway load of each page first: the app's first render of a page (later readers get it
        // from the output cache) and Chromium's own start-up are not what a reader waits for.
        foreach (var path in paths)
        {
            await LoadAsync(browser, app, path, wholeSheet: false);
        }

        for (var round = 0; round < rounds; round++)
        {
            foreach (var result in results)
            {
                result.Loads.Add(await LoadAsync(browser, app, result.Path, result.WholeSheet));
            }
        }

        return results;
    }

    private static async Task<Load> LoadAsync(IBrowser browser, Uri app, string path, bool wholeSheet)
    {
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.ToString(),
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            DeviceScaleFactor = 3,
            IsMobile = true,
            HasTouch = true,
            Locale = "en-US",
            ColorScheme = ColorScheme.Light,
        });
        var page = await context.NewPageAsync();
        var cdp = await context.NewCDPSessionAsync(page);
        var requests = new ConcurrentDictionary<string, Request>();
        cdp.Event("Network.responseReceived").OnEvent += (_, e) => Of(requests, e).Response(e!.Value);
        cdp.Event("Network.dataReceived").OnEvent += (_, e) => Of(requests, e).Data(e!.Value);
        cdp.Event("Network.loadingFinished").OnEvent += (_, e) => Of(requests, e).Finished(e!.Value);
        await cdp.SendAsync("Network.enable");
        await cdp.SendAsync("Network.emulateNetworkConditions", new()
        {
            ["offline"] = false,
            ["latency"] = RoundTripMs,
            ["downloadThroughput"] = DownloadBytesPerSecond,
            ["uploadThroughput"] = UploadBytesPerSecond,
        });
        // Over plain HTTP Chromium offers only gzip; a deployment is behind HTTPS, where it offers
        // Brotli too and the app answers with it. Ask as it would there.
        await cdp.SendAsync("Network.setExtraHTTPHeaders", new() { ["headers"] = new Dictionary<string, string> { ["Accept-Encoding"] = "gzip, deflate, br" } });
        await cdp.SendAsync("Emulation.setCPUThrottlingRate", new() { ["rate"] = CpuSlowdown });
        var replaced = 0;
        if (wholeSheet)
        {
            // As before issue 25: the whole MudBlazor.min.css where the page links reading.css. Only
            // that request is paused and sent on to the other address, through the same throttled network.
            var whole = new Uri(app, "_content/MudBlazor/MudBlazor.min.css").ToString();
            cdp.Event("Fetch.requestPaused").OnEvent += async (_, e) =>
            {
                Interlocked.Increment(ref replaced);
                await cdp.SendAsync("Fetch.continueRequest", new() { ["requestId"] = e!.Value.GetProperty("requestId").GetString()!, ["url"] = whole });
            };
            await cdp.SendAsync("Fetch.enable", new() { ["patterns"] = new[] { new Dictionary<string, object> { ["urlPattern"] = "*/reading.*.css" } } });
        }

        await page.GotoAsync(path, new() { Timeout = 120_000 });
        // Done when the page script follows the change stream: every file is in, the page is live.
        await page.Locator("html[data-live='listening']").WaitForAsync(new() { Timeout = 120_000 });
        var paint = await page.EvaluateAsync<JsonElement>(
            """
            () => new Promise(done => new PerformanceObserver(list => {
                const last = list.getEntries().at(-1);
                const element = last.element;
                done({ ms: last.startTime, element: element ? element.tagName.toLowerCase() + (element.className ? '.' + String(element.className).split(' ')[0] : '') : '' });
            }).observe({ type: 'largest-contentful-paint', buffered: true }))
            """);
        long Bytes(Func<Request, bool> which) => requests.Values.Where(which).Sum(r => r.Bytes);
        var load = new Load(
            Bytes(r => r.Type == "Document"),
            Bytes(r => r.Type == "Stylesheet"),
            Bytes(r => r.Type == "Script"),
            Bytes(r => r.Type is not ("Document" or "Stylesheet" or "Script")),
            requests.Values.Sum(r => r.Bytes - r.HeaderBytes),
            paint.GetProperty("ms").GetDouble(),
            paint.GetProperty("element").GetString() ?? "",
            requests.Values.FirstOrDefault(r => r.Type == "Document")?.Encoding ?? "");
        if (Environment.GetEnvironmentVariable("PAGE_WEIGHT_VERBOSE") == "1")
        {
            foreach (var r in requests.Values.OrderBy(r => r.Type))
            {
                Console.WriteLine($"    {r.Type,-12} {Kb(r.Bytes),10} {r.Encoding,-5} {r.Url}");
            }
        }

        if (wholeSheet && replaced != 1)
        {
            throw new InvalidOperationException($"/{path}: MudBlazor.min.css was served in place of reading.css {replaced} times, not once");
        }

        return load;
    }

    private static Request Of(ConcurrentDictionary<string, Request> requests, JsonElement? e) =>
        requests.GetOrAdd(e!.Value.GetProperty("requestId").GetString()!, _ => new Request());

    /// <summary>One request as the browser's network saw it: what it was, and the bytes it took on the wire.</summary>
    private sealed class Request
    {
        public long HeaderBytes { get; private set; }
        private long _received;
        private long? _finished;

        public string Type { get; private set; } = "";

        public string Url { get; private set; } = "";

        public string Encoding { get; private set; } = "";

        /// <summary>All of it once finished; for a stream still open (the change stream), what came so far.</summary>
        public long Bytes => _finished ?? (HeaderBytes + _received);

        public void Response(JsonElement e)
        {
            Type = e.GetProperty("type").GetString() ?? "";
            var response = e.GetProperty("response");
            Url = response.GetProperty("url").GetString() ?? "";
            HeaderBytes = (long)response.GetProperty("encodedDataLength").GetDouble();
            Encoding = response.GetProperty("headers").EnumerateObject()
                .Where(h => h.Name.Equals("content-encoding", StringComparison.OrdinalIgnoreCase)).Select(h => h.Value.GetString()).FirstOrDefault() ?? "none";
        }

        public void Data(JsonElement e) => Interlocked.Add(ref _received, (long)e.GetProperty("encodedDataLength").GetDouble());

        public void Finished(JsonElement e) => _finished = (long)e.GetProperty("encodedDataLength").GetDouble();
    }

    public static string Kb(long bytes) => (bytes / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " KB";
}
