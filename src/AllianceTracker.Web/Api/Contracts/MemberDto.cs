namespace AllianceTracker.Web.Api.Contracts;

public sealed record MemberDto(string Alpha3, string Alpha2, string Numeric, string Name, int Joined, string Subregion, bool Eu, bool B9);
