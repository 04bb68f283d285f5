namespace AllianceTracker.Web.Domain;

/// <summary>
/// A source as an editor, a seed file or a dataset gives it, before it is checked. An editor's new
/// source has no <see cref="Key"/>: the write path makes one.
/// </summary>
public sealed record SourceInput(
    string? Key, string Title, string Outlet, string? Url, DateOnly? PublishedOn, bool PublishedOnIsApproximate, SourceKind Kind)
{
    public Source ToSource(string key) => new()
    {
        Key = key,
        Title = Title.Trim(),
        Outlet = Outlet.Trim(),
        Url = SourceRules.NormalizeUrl(Url),
        PublishedOn = PublishedOn,
        PublishedOnIsApproximate = PublishedOnIsApproximate,
        Kind = Kind,
    };
}
