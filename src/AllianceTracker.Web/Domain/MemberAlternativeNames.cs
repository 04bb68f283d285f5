namespace AllianceTracker.Web.Domain;

/// <summary>
/// Other names readers search members by ("Turkey", "Britain", "the U.S."): the search matches them
/// as it matches the official short names the tracker shows.
/// </summary>
public static class MemberAlternativeNames
{
    private static readonly Dictionary<string, string[]> Names = new(StringComparer.Ordinal)
    {
        ["TUR"] = ["Turkey", "Turkiye"],
        ["CZE"] = ["Czech Republic"],
        ["GBR"] = ["Britain", "Great Britain", "UK", "U.K.", "England"],
        ["USA"] = ["US", "U.S.", "U.S.A.", "America", "United States of America"],
        ["NLD"] = ["Holland"],
        ["MKD"] = ["Macedonia"],
    };

    public static IReadOnlyList<string> Of(string alpha3) => Names.GetValueOrDefault(alpha3) ?? [];
}
