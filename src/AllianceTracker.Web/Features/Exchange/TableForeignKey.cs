namespace AllianceTracker.Web.Features.Exchange;

/// <summary>A column whose values are keys of another table of the package (e.g. history.member → members.alpha3).</summary>
public sealed record TableForeignKey(string Field, string Resource, string ReferenceField);
