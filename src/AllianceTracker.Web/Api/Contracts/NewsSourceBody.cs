namespace AllianceTracker.Web.Api.Contracts;

/// <summary>The source a pasted text comes from, as it is cited once suggestions are accepted.</summary>
public sealed record NewsSourceBody(
    string? Title, string? Outlet, string? Published = null, string? Url = null, string? Kind = null, string? PublishedDate = null, bool PublishedApproximate = false);
