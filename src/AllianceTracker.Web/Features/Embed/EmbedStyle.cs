using System.Text;
using AllianceTracker.Web.Components;
using AllianceTracker.Web.Domain;

namespace AllianceTracker.Web.Features.Embed;

/// <summary>
/// The card's whole stylesheet, inline (a page in someone else's frame should cost one request):
/// the app's stance and status colours from <see cref="StanceAppearance"/>, light and dark, the
/// dark ones when asked (<c>data-theme="dark"</c>) or when the reader's system prefers dark.
/// </summary>
public static class EmbedStyle
{
    public static string Css { get; } = Build();

    private static string Build()
    {
        var css = new StringBuilder();
        css.Append(":root{").Append(Palette(dark: false)).Append('}');
        css.Append(":root[data-theme=dark]{").Append(Palette(dark: true)).Append('}');
        css.Append("@media (prefers-color-scheme:dark){:root:not([data-theme=light]){").Append(Palette(dark: true)).Append("}}");
        css.Append("""
            *{box-sizing:border-box}
            body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif}
            main{padding:12px 14px}
            a{color:var(--link)}
            .card{padding:0 0 12px;margin:0 0 12px;border-bottom:1px solid var(--line)}
            h2{font-size:1.15rem;line-height:1.25;margin:0 0 2px}
            h2 a{color:inherit;text-decoration:none}
            h2 a:hover,h2 a:focus{text-decoration:underline}
            .summit{margin:0 0 8px;color:var(--muted);font-size:.85rem}
            .answer{margin:0 0 10px;font-size:1.05rem}
            .status{display:inline-block;font-weight:700;padding:0 8px;margin-right:6px;border-left:6px solid var(--status);background:var(--chip)}
            .headline{font-weight:600}
            .bar{display:flex;height:14px;border-radius:3px;overflow:hidden;background:var(--line);margin:0 0 6px}
            .segment{min-width:3px}
            .segment[data-stance=unknown]{opacity:.55}
            .legend{display:flex;flex-wrap:wrap;gap:2px 12px;list-style:none;margin:0;padding:0;font-size:.85rem}
            .legend i{display:inline-block;width:10px;height:10px;margin-right:4px;border-radius:2px}
            .legend .zero{color:var(--muted)}
            footer{display:flex;flex-wrap:wrap;justify-content:space-between;gap:4px 12px;font-size:.8rem;color:var(--muted)}
            .live-note{display:none}
            :root[data-live=listening] .live-note{display:inline}
            """);
        return css.ToString();
    }

    private static string Palette(bool dark)
    {
        var css = new StringBuilder(dark
            ? "--bg:#1a1d24;--fg:#e8e9ec;--muted:#aaabb0;--line:#3a3f48;--chip:#262a33;--link:#a79ff2;"
            : "--bg:#ffffff;--fg:#1f2329;--muted:#55595f;--line:#d7dbe0;--chip:#f1f3f5;--link:#1a3a6b;");
        foreach (var definition in StanceVocabulary.All)
        {
            css.Append(System.Globalization.CultureInfo.InvariantCulture, $"--stance-{definition.Code}:{StanceAppearance.HexOf(definition.Stance, dark)};");
        }

        foreach (var status in Enum.GetValues<ConsensusStatus>())
        {
            css.Append(System.Globalization.CultureInfo.InvariantCulture, $"--status-{status.ToCode()}:{StanceAppearance.HexOf(StanceAppearance.ColorOf(status), dark)};");
        }

        foreach (var outcome in StanceAppearance.Decisions)
        {
            css.Append(System.Globalization.CultureInfo.InvariantCulture, $"--status-{outcome.ToCode()}:{StanceAppearance.HexOf(StanceAppearance.ColorOf(outcome), dark)};");
        }

        return css.ToString();
    }
}
