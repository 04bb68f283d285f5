namespace AllianceTracker.Web.Features.Positions;

public sealed record MemberSummary(
    string Alpha3, string Alpha2, string NumericCode, string Name, int AccessionYear, string Subregion, bool IsEuMember, bool IsBucharestNine);
