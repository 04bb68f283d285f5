namespace AllianceTracker.Web.Api.Contracts;

/// <summary>
/// A source. <c>published</c> and <c>publishedApproximate</c> are the names the export format uses;
/// <c>publishedDate</c> and <c>publishedDateApproximate</c> carry the same values under the names
/// v1 of this API first published (deprecated, kept for existing clients).
/// </summary>
public sealed record SourceDto(
    string Key, string Title, string Outlet, string? Url, string? PublishedDate, bool PublishedDateApproximate, string Kind)
{
    public string? Published => PublishedDate;

    public bool PublishedApproximate => PublishedDateApproximate;
}
