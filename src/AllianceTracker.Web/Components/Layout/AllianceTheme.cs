using MudBlazor;

namespace AllianceTracker.Web.Components.Layout;

/// <summary>The one theme of the app. Palette colours are chosen so white text on them passes WCAG AA contrast.</summary>
public static class AllianceTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1a3a6b",
            AppbarBackground = "#1a3a6b",
            Secondary = "#6a1b9a",
            Info = "#0263a3",
            Success = "#2e7d32",
            Warning = "#b45309",
            Error = "#c62828",
            Background = "#f6f7f9",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica", "Arial", "sans-serif"],
            },
        },
    };
}
