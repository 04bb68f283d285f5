namespace AllianceTracker.Web.Components;

/// <summary>
/// The site's absolute address, for links that leave the page (permalinks, preview images): the
/// configured public base URL, else the request's. The layout cascades it to every page.
/// </summary>
public sealed record SiteAddress(string BaseUrl)
{
    public string Link(string path) => $"{BaseUrl.TrimEnd('/')}/{path.TrimStart('/')}";
}
