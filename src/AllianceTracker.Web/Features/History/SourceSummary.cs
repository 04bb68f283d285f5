using AllianceTracker.Web.Domain;

namespace AllianceTracker.Web.Features.History;

/// <summary>A source as readers see it: what pictures, timelines and exports cite.</summary>
public sealed record SourceSummary(
    string Key, string Title, string Outlet, string? Url, DateOnly? PublishedOn, bool PublishedOnIsApproximate, SourceKind Kind)
{
    public static SourceSummary From(Source source) =>
        new(source.Key, source.Title, source.Outlet, source.Url, source.PublishedOn, source.PublishedOnIsApproximate, source.Kind);
}
