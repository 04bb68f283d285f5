using MudBlazor;

namespace AllianceTracker.Web.Components;

/// <summary>
/// The one theme of the app, light and dark. Colours are chosen so text on them passes WCAG AA
/// contrast (checked by the axe scans in the end-to-end tests).
/// </summary>
public static class AllianceTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1a3a6b",
            AppbarBackground = "#1a3a6b",
            Secondary = "#6a1b9a",
            Tertiary = "#00695c",
            Info = "#0263a3",
            Success = "#2e7d32",
            Warning = "#b45309",
            Error = "#c62828",
            Background = "#f6f7f9",
            TextSecondary = "#55595f",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#a79ff2",
            PrimaryContrastText = "#14122b",
            AppbarBackground = "#1b2233",
            Secondary = "#d9a5f0",
            SecondaryContrastText = "#2a0f38",
            Tertiary = "#80cbc4",
            TertiaryContrastText = "#062b28",
            Info = "#7cc4fa",
            InfoContrastText = "#062437",
            Success = "#86d18a",
            SuccessContrastText = "#0b2a0d",
            Warning = "#f5b567",
            WarningContrastText = "#3a2204",
            Error = "#f49a9a",
            ErrorContrastText = "#3b0a0a",
            TextSecondary = "#aaabb0",
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
