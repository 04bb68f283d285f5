namespace AllianceTracker.Web.Api.Contracts;

/// <summary>A source's details as an editor gives them: <c>kind</c> is required (no kind is assumed).</summary>
/// <summary><c>published</c> is the export format's name for the date; <c>publishedDate</c>, the name v1 first took, is still read.</summary>
public sealed record SourceBody(string Title, string Outlet, string? Kind, string? Url = null, string? PublishedDate = null, bool PublishedApproximate = false, string? Published = null);
