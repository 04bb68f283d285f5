namespace AllianceTracker.Web.Features.Exchange;

public sealed record ExportSummit(string Slug, string Name, string City, string StartsOn, string EndsOn);
