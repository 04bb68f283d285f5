namespace AllianceTracker.Web.Domain;

/// <summary>What makes a member state acceptable (docs/domain.md).</summary>
public static class MemberRules
{
    /// <summary>NATO's members as of the July 2024 Washington summit.</summary>
    public const int AllianceSize = 32;

    /// <summary>The Washington Treaty was signed on 4 April 1949: no one joined earlier.</summary>
    public const int FoundingYear = 1949;

    public static IEnumerable<FieldProblem> Check(MemberInput member, DateOnly today)
    {
        if (!CodePatterns.IsAlpha3(member.Alpha3))
        {
            yield return new("alpha3", $"'{member.Alpha3}' is not an alpha-3 code: use three capital letters, e.g. HUN.");
        }

        if (!CodePatterns.IsAlpha2(member.Alpha2))
        {
            yield return new("alpha2", $"'{member.Alpha2}' is not an alpha-2 code: use two capital letters, e.g. HU.");
        }

        if (!CodePatterns.IsNumeric(member.Numeric))
        {
            yield return new("numeric", $"'{member.Numeric}' is not an ISO 3166-1 numeric code: use three digits, e.g. 348.");
        }

        if (string.IsNullOrWhiteSpace(member.Name))
        {
            yield return new("name", "The member's name is empty.");
        }

        if (string.IsNullOrWhiteSpace(member.Subregion))
        {
            yield return new("subregion", "The UN M49 sub-region is empty.");
        }

        if (member.Joined < FoundingYear || member.Joined > today.Year)
        {
            yield return new("joined", $"{member.Joined} is not a year a member could have joined: {FoundingYear} to {today.Year}.");
        }

        foreach (var problem in TextPolicy.Problems(("name", member.Name, TextPolicy.Title), ("subregion", member.Subregion, TextPolicy.Title)))
        {
            yield return problem;
        }
    }

    /// <summary>Refuses a membership larger than the alliance; <paramref name="members"/> counts old and new together.</summary>
    public static string? CheckAllianceSize(int members) =>
        members > AllianceSize ? $"NATO has {AllianceSize} members; this would make {members}." : null;
}
