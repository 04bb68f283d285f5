using System.Net;
using AllianceTracker.EndToEnd.Pages;
using AllianceTracker.Tests.Shared;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AllianceTracker.EndToEnd.Infrastructure;

/// <summary>
/// The real app on Kestrel at a loopback port, with its own SQLite file, and one headless
/// Chromium driven by Playwright. Test classes that only read share one per class
/// (<c>IClassFixture</c>); those that change data start one per test (<see cref="FreshBrowserAppTest"/>).
/// </summary>
public sealed class BrowserApp : IAsyncLifetime, IAsyncDisposable
{
    /// <summary>The password of every account <see cref="SignedInPageAsync"/> creates.</summary>
    public const string Password = "a-long-enough-test-passphrase";

    internal static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private readonly AllianceAppFactory _factory;
    private IPlaywright? _playwright;
    private int _accountsCreated;

    public BrowserApp()
        : this(new Dictionary<string, string>())
    {
    }

    private BrowserApp(IReadOnlyDictionary<string, string> settings) => _factory = new AllianceAppFactory { Settings = settings };

    /// <summary>The app with more configuration (<see cref="AllianceAppFactory.Settings"/>); a fixture needs one public constructor, so this is not one.</summary>
    public static BrowserApp With(IReadOnlyDictionary<string, string> settings) => new(settings);

    public Uri BaseAddress { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The running app's SQLite file, for tests that play another process holding it.</summary>
    public string DatabasePath => _factory.DatabasePath;

    /// <summary>The running app's services, for arranging data through the service layer.</summary>
    public IServiceProvider Services => _factory.Services;

    /// <summary>Every Error-level line the app logged since it started.</summary>
    public RecordedErrors ErrorsLogged => _factory.ErrorsLogged;

    public async Task InitializeAsync()
    {
        // A ceiling, not a sleep: an assertion passes as soon as the page shows what it expects,
        // and a busy 2-core machine gets time to get there.
        Assertions.SetDefaultExpectTimeout(15_000);
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

    /// <summary>
    /// A page in a browser context of its own. The locale is fixed (en-US), so a date field takes its
    /// digits in one known order (month, day, year); <paramref name="javaScript"/> false is a reader
    /// whose browser runs no script.
    /// </summary>
    public async Task<IPage> NewPageAsync(int width = 1400, int height = 900, ColorScheme colorScheme = ColorScheme.Light, bool acceptDownloads = false, bool javaScript = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            ColorScheme = colorScheme,
            AcceptDownloads = acceptDownloads,
            JavaScriptEnabled = javaScript,
            Locale = "en-US",
        });
        return await context.NewPageAsync();
    }

    /// <summary>A new account with <paramref name="role"/>, signed in through the sign-in page, on a page of its own.</summary>
    public async Task<IPage> SignedInPageAsync(string role, int width = 1400, int height = 900, bool acceptDownloads = false, ColorScheme colorScheme = ColorScheme.Light)
    {
        // Readable, because the header shows it in the README's screenshots; numbered, because an app may have several.
        var number = Interlocked.Increment(ref _accountsCreated);
        var email = $"{role.ToLowerInvariant()}{(number == 1 ? "" : $"-{number}")}@alliancetracker.example";
        var created = await Services.GetRequiredService<Web.Features.Accounts.AccountAdministration>().CreateTrustedAsync(email, DisplayNameOf(role, number), Password, role);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors));
        var signIn = new SignInPage(await NewPageAsync(width, height, colorScheme, acceptDownloads: acceptDownloads));
        await signIn.SignInAsync(email, Password);
        return signIn.Page;
    }

    /// <summary>The public name of the <paramref name="number"/>th account made with <paramref name="role"/>: "Editor", "Editor 2", …</summary>
    public static string DisplayNameOf(string role, int number) => number == 1 ? $"{role} desk" : $"{role} desk {number}";

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await _factory.DisposeAsync();
    }

    // xunit 2 disposes through IAsyncLifetime.DisposeAsync above and never calls this: it says the
    // class owns what it disposes (CA1001), and it is the method xunit 3 calls.
    ValueTask IAsyncDisposable.DisposeAsync() => new(DisposeAsync());

    /// <summary>
    /// Playwright cannot download its own browser here, so it drives an installed Chromium:
    /// CHROMIUM_PATH when set, else the usual install locations. No browser is a failure, not a skip.
    /// </summary>
    internal static string FindChromium()
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

/// <summary>For tests that change data: an app (and browser) of their own for every test, so none sees another's edits.</summary>
public abstract class FreshBrowserAppTest : IAsyncLifetime
{
    protected BrowserApp App { get; } = new();

    public Task InitializeAsync() => App.InitializeAsync();

    public Task DisposeAsync() => App.DisposeAsync();
}
