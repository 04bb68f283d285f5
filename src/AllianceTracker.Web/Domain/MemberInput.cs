namespace AllianceTracker.Web.Domain;

/// <summary>A member state as an editor, a seed file or a dataset gives it, before it is checked.</summary>
public sealed record MemberInput(
    string Alpha3, string Alpha2, string Numeric, string Name, int Joined, string Subregion, bool IsEuMember, bool IsBucharestNine)
{
    public MemberState ToMemberState() => new()
    {
        Alpha3 = Alpha3,
        Alpha2 = Alpha2,
        NumericCode = Numeric,
        Name = Name.Trim(),
        AccessionYear = Joined,
        Subregion = Subregion.Trim(),
        IsEuMember = IsEuMember,
        IsBucharestNine = IsBucharestNine,
    };
}
