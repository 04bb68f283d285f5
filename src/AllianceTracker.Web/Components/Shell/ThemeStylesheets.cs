using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace AllianceTracker.Web.Components.Shell;

/// <summary>
/// MudBlazor's theme variables as cacheable stylesheets (light and dark), rendered once from
/// <see cref="AllianceTheme"/> by MudThemeProvider itself. A page links the one its reader's theme
/// asks for instead of carrying 12 KB of CSS variables in every response. Readers' static pages
/// get a reading variant that declares only the variables their stylesheets use (docs/page-weight.md):
/// reading.css, app.css and the components' scoped CSS, read from the web root, and the sheet's own
/// rules (the stance chips); editors' circuits, with all of MudBlazor, get every variable.
/// </summary>
public sealed partial class ThemeStylesheets
{
    /// <summary>The stylesheets of readers' pages whose <c>var(--mud-…)</c> the reading variant keeps.</summary>
    public static readonly IReadOnlyList<string> ReadingStylesheets = ["reading.css", "app.css", "AllianceTracker.Web.styles.css"];

    private readonly Lazy<Task<Sheet>> _light;
    private readonly Lazy<Task<Sheet>> _dark;
    private readonly Lazy<Task<Sheet>> _readingLight;
    private readonly Lazy<Task<Sheet>> _readingDark;

    public ThemeStylesheets(IServiceScopeFactory scopes, ILoggerFactory loggers, IWebHostEnvironment environment)
    {
        _light = new(() => RenderAsync(scopes, loggers, dark: false));
        _dark = new(() => RenderAsync(scopes, loggers, dark: true));
        // The reading variants trim the sheets above (rendered once) by the readers' stylesheets (read once).
        var readingStylesheets = new Lazy<Task<IReadOnlyList<string>?>>(() => ReadingStylesheetsAsync(loggers, environment));
        _readingLight = new(async () => Trimmed(await _light.Value, await readingStylesheets.Value));
        _readingDark = new(async () => Trimmed(await _dark.Value, await readingStylesheets.Value));
    }

    /// <summary>The stylesheet's address, with its content hash so browsers may keep it for good.</summary>
    public async Task<string> HrefAsync(bool dark, bool reading) => $"theme/{Mode(dark, reading)}.css?v={(await SheetAsync(dark, reading)).Hash}";

    public Task<Sheet> SheetAsync(bool dark, bool reading = false) => (dark, reading) switch
    {
        (false, false) => _light.Value,
        (true, false) => _dark.Value,
        (false, true) => _readingLight.Value,
        (true, true) => _readingDark.Value,
    };

    /// <summary>The address's name of a sheet: <c>light</c>, <c>dark</c>, <c>reading-light</c>, <c>reading-dark</c>.</summary>
    public static string Mode(bool dark, bool reading) => (reading ? "reading-" : "") + (dark ? "dark" : "light");

    private static Sheet Trimmed(Sheet full, IReadOnlyList<string>? readingStylesheets) =>
        readingStylesheets is null ? full : Of(OnlyVariablesUsedBy(full.Css, readingStylesheets));

    /// <summary>The readers' stylesheets as served; null when one is not in the web root.</summary>
    private static async Task<IReadOnlyList<string>?> ReadingStylesheetsAsync(ILoggerFactory loggers, IWebHostEnvironment environment)
    {
        var texts = new List<string>();
        foreach (var name in ReadingStylesheets)
        {
            var file = environment.WebRootFileProvider.GetFileInfo(name);
            if (!file.Exists)
            {
                // Without one of them (an app run from its build in Production, without static web
                // assets) the variables it uses are unknown: readers get every variable.
                StylesheetMissing(loggers.CreateLogger<ThemeStylesheets>(), name);
                return null;
            }

            await using var stream = file.CreateReadStream();
            using var reader = new StreamReader(stream);
            texts.Add(await reader.ReadToEndAsync());
        }

        return texts;
    }

    /// <summary>
    /// The sheet with only the custom properties of its <c>:root</c> blocks that the stylesheets
    /// reference (<c>var(--name</c>), its own other rules do, or a kept property's value does.
    /// </summary>
    public static string OnlyVariablesUsedBy(string css, IEnumerable<string> stylesheets)
    {
        var roots = RootBlock().Matches(css);
        var declared = roots.SelectMany(r => Declaration().Matches(r.Groups[1].Value))
            .ToDictionary(d => d.Groups[1].Value, d => d.Groups[2].Value, StringComparer.Ordinal);
        var pending = new Stack<string>(stylesheets.Append(RootBlock().Replace(css, ""))
            .SelectMany(text => VariableUse().Matches(text).Select(m => m.Groups[1].Value)));
        var kept = new HashSet<string>(StringComparer.Ordinal);
        while (pending.TryPop(out var name))
        {
            if (kept.Add(name) && declared.TryGetValue(name, out var value))
            {
                foreach (Match use in VariableUse().Matches(value))
                {
                    pending.Push(use.Groups[1].Value);
                }
            }
        }

        return RootBlock().Replace(css, root => ":root{\n" + string.Concat(Declaration().Matches(root.Groups[1].Value)
            .Where(d => kept.Contains(d.Groups[1].Value)).Select(d => d.Value.Trim() + "\n")) + "}");
    }

    private static async Task<Sheet> RenderAsync(IServiceScopeFactory scopes, ILoggerFactory loggers, bool dark)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, loggers);
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(MudThemeProvider.Theme)] = AllianceTheme.Theme,
                [nameof(MudThemeProvider.IsDarkMode)] = dark,
            });
            return (await renderer.RenderComponentAsync<MudThemeProvider>(parameters)).ToHtmlString();
        });
        return Of(string.Join("\n", StyleBlock().Matches(html).Select(m => m.Groups[1].Value.Trim())) + "\n" + StanceAppearance.ChipCss());
    }

    private static Sheet Of(string css) => new(css, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(css)))[..12]);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Theme: {Stylesheet} is not in the web root; readers' pages get every theme variable")]
    private static partial void StylesheetMissing(ILogger logger, string stylesheet);

    [GeneratedRegex("<style[^>]*>(.*?)</style>", RegexOptions.Singleline)]
    private static partial Regex StyleBlock();

    [GeneratedRegex(@":root\s*\{([^}]*)\}")]
    private static partial Regex RootBlock();

    [GeneratedRegex(@"(--[\w-]+)\s*:([^;]*);")]
    private static partial Regex Declaration();

    [GeneratedRegex(@"var\(\s*(--[\w-]+)")]
    private static partial Regex VariableUse();

    public sealed record Sheet(string Css, string Hash);
}
