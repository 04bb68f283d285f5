namespace AllianceTracker.Web.Features.Exchange;

public sealed record ExportMember(string Alpha3, string Alpha2, string Numeric, string Name, int Joined, string Subregion, bool Eu, bool B9);
