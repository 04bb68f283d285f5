namespace AllianceTracker.Web.Api.Contracts;

/// <summary>A correction; <c>expectedVersion</c> is the source's version it was read at (or send it as <c>If-Match</c>).</summary>
public sealed record SourceCorrectionBody(
    string Title, string Outlet, string? Kind, string Reason, string? Url = null, string? PublishedDate = null, bool PublishedApproximate = false, string? Published = null,
    Guid? ExpectedVersion = null);
