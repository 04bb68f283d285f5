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

    public static Option<FileInfo?> Out() => new("--out") { Description = "The file to write; standard output when left out." };
}
