namespace AllianceTracker.Web.Api.Contracts;

/// <summary>A source given inline with evidence; <c>published</c> (as in the export format) or its older name <c>publishedDate</c>.</summary>
public sealed record NewSourceBody(string Title, string Outlet, string? Url = null, string? PublishedDate = null, string? Kind = null, bool PublishedApproximate = false, string? Published = null);
