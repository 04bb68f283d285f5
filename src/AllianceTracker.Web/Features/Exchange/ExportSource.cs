namespace AllianceTracker.Web.Features.Exchange;

public sealed record ExportSource(string Key, string Title, string Outlet, string? Url, string? Published, bool PublishedApproximate, string Kind);
