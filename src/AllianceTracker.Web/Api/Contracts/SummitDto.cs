namespace AllianceTracker.Web.Api.Contracts;

public sealed record SummitDto(string Slug, string Name, string City, string StartsOn, string EndsOn);
