using System.Net;
using AllianceTracker.Tests.Shared;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AllianceTracker.EndToEnd.Infrastructure;

/// <summary>
/// The real app on Kestrel at a loopback port, with its own SQLite file, and one headless
/// Chromium driven by Playwright. Shared by every browser test in the collection.
/// </summary>
public sealed class BrowserApp : IAsyncLifetime
{
    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private readonly AllianceAppFactory _factory = new();
    private IPlaywright? _playwright;

    public Uri BaseAddress { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The running app's services, for arranging data through the service layer.</summary>
    public IServiceProvider Services => _factory.Services;

    public async Task InitializeAsync()
    {
        _factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        var address = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = FindChromium(),
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    public async Task<IPage> NewPageAsync(int width = 1400, int height = 900, ColorScheme colorScheme = ColorScheme.Light, bool acceptDownloads = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            ColorScheme = colorScheme,
            AcceptDownloads = acceptDownloads,
        });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await _factory.DisposeAsync();
    }

    /// <summary>
    /// Playwright cannot download its own browser here, so it drives an installed Chromium:
    /// CHROMIUM_PATH when set, else the usual install locations. No browser is a failure, not a skip.
    /// </summary>
    private static string FindChromium()
    {
        var configured = Environment.GetEnvironmentVariable("CHROMIUM_PATH");
        string[] candidates = string.IsNullOrEmpty(configured)
            ? ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"]
            : [configured];
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException(
                $"No Chromium found (looked at {string.Join(", ", candidates)}). Run ./test.sh, which installs one, or set CHROMIUM_PATH.");
    }
}

/// <summary>Tests that only read the seeded data share one app (its screenshots show the seed).</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "browser";
}

/// <summary>Tests that change stances get an app of their own, so the read-only tests never see their edits.</summary>
[CollectionDefinition(Name)]
public sealed class ChangingBrowserCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "browser, changing data";
}

/// <summary>Editor pages looked at, not changed: accessibility scans and the README's screenshots of them.</summary>
[CollectionDefinition(Name)]
public sealed class EditorPagesBrowserCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "browser, editor pages";
}
