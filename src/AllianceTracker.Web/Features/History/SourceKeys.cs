using System.Text.RegularExpressions;
using AllianceTracker.Web.Domain;

namespace AllianceTracker.Web.Features.History;

/// <summary>Keys for sources an editor adds, where no one chose one.</summary>
public static partial class SourceKeys
{
    // Readable and unique without asking anyone: outlet, date, and a random tail (two editors may cite the same outlet on one day).
    public static string New(SourceInput source)
    {
        var outlet = NonSlug().Replace(source.Outlet.ToLowerInvariant(), "-").Trim('-');
        outlet = outlet.Length == 0 ? "source" : outlet[..Math.Min(outlet.Length, 40)].Trim('-');
        var date = source.PublishedOn is { } published ? published.ToIso() : "undated";
        return $"{outlet}-{date}-{Guid.NewGuid().ToString("N")[..6]}";
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonSlug();
}
