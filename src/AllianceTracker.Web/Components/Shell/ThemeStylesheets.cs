using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace AllianceTracker.Web.Components.Shell;

/// <summary>
/// MudBlazor's theme variables as two cacheable stylesheets (light and dark), rendered once from
/// <see cref="AllianceTheme"/> by MudThemeProvider itself. A page links the one its reader's theme
/// asks for instead of carrying 12 KB of CSS variables in every response.
/// </summary>
public sealed partial class ThemeStylesheets(IServiceScopeFactory scopes, ILoggerFactory loggers)
{
    private readonly Lazy<Task<Sheet>> _light = new(() => RenderAsync(scopes, loggers, dark: false));
    private readonly Lazy<Task<Sheet>> _dark = new(() => RenderAsync(scopes, loggers, dark: true));

    /// <summary>The stylesheet's address, with its content hash so browsers may keep it for good.</summary>
    public async Task<string> HrefAsync(bool dark) => $"theme/{(dark ? "dark" : "light")}.css?v={(await SheetAsync(dark)).Hash}";

    public Task<Sheet> SheetAsync(bool dark) => (dark ? _dark : _light).Value;

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
        var css = string.Join("\n", StyleBlock().Matches(html).Select(m => m.Groups[1].Value.Trim())) + "\n" + StanceAppearance.ChipCss();
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(css)))[..12];
        return new Sheet(css, hash);
    }

    [GeneratedRegex("<style[^>]*>(.*?)</style>", RegexOptions.Singleline)]
    private static partial Regex StyleBlock();

    public sealed record Sheet(string Css, string Hash);
}
