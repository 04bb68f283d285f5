namespace AllianceTracker.Web.Features.Map;

/// <summary>One country's outline, already projected into the map's SVG coordinates.</summary>
public sealed record MapCountry(string? Id, string Name, bool Member, string D, double Cx, double Cy, bool Marker);
