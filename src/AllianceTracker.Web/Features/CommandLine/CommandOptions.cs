using System.CommandLine;
using AllianceTracker.Web.Domain;
using AllianceTracker.Web.Features.Exchange;

namespace AllianceTracker.Web.Features.CommandLine;

/// <summary>Options more than one command takes, defined once so they read and refuse values the same way.</summary>
internal static class CommandOptions
{
    public static Option<ExportFormat> Format() => new("--format")
    {
        Description = ExportFormats.FormatList,
        Required = true,
        CustomParser = result =>
        {
            var text = result.Tokens.Single().Value;
            if (ExportFormats.TryParse(text, out var format))
            {
                return format;
            }

            result.AddError(ExportFormats.UnknownFormat(text));
            return default;
        },
    };

    public static Option<DateOnly?> AsOf(string description) => new("--as-of")
    {
        Description = description,
        CustomParser = result =>
        {
            var text = result.Tokens.Single().Value;
            if (IsoDate.TryParse(text, out var date))
            {
                return date;
            }

            result.AddError(IsoDate.NotADate(text));
            return null;
        },
    };

    /// <summary>A file name, read relative to the directory the command was run in (not parsed as a FileInfo, which would read it from the app's).</summary>
    public static Option<string?> Out() => new("--out") { Description = "The file to write, relative to where you run the command; standard output when left out. Never replaces an existing file unless --force." };

    public static Option<bool> Force() => new("--force") { Description = "Replace the --out file if it exists (a link is never followed)." };
}
