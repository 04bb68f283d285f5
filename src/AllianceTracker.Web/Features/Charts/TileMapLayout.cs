namespace AllianceTracker.Web.Features.Charts;

/// <summary>
/// Where each of the 32 members sits on the tile map: one equal square per ally, North America
/// on the left, Europe roughly as on a map (the Nordics on top, the Baltic states down the right,
/// the Balkans and Türkiye at the bottom), so small allies are as visible as large ones.
/// </summary>
public static class TileMapLayout
{
    public const int Columns = 8;

    public const int Rows = 8;

    /// <summary>Column and row of each member, by its ISO alpha-3 code.</summary>
    public static IReadOnlyDictionary<string, (int Column, int Row)> Tiles { get; } = new Dictionary<string, (int, int)>(StringComparer.OrdinalIgnoreCase)
    {
        ["CAN"] = (0, 0), ["ISL"] = (2, 0), ["NOR"] = (5, 0), ["SWE"] = (6, 0), ["FIN"] = (7, 0),
        ["USA"] = (0, 1), ["GBR"] = (3, 1), ["DNK"] = (5, 1), ["EST"] = (7, 1),
        ["NLD"] = (4, 2), ["DEU"] = (5, 2), ["POL"] = (6, 2), ["LVA"] = (7, 2),
        ["BEL"] = (4, 3), ["CZE"] = (5, 3), ["SVK"] = (6, 3), ["LTU"] = (7, 3),
        ["FRA"] = (3, 4), ["LUX"] = (4, 4), ["SVN"] = (5, 4), ["HUN"] = (6, 4), ["ROU"] = (7, 4),
        ["PRT"] = (2, 5), ["ESP"] = (3, 5), ["ITA"] = (4, 5), ["HRV"] = (5, 5), ["BGR"] = (7, 5),
        ["MNE"] = (5, 6), ["MKD"] = (6, 6), ["TUR"] = (7, 6),
        ["ALB"] = (5, 7), ["GRC"] = (6, 7),
    };

    /// <summary>A member that joins later and has no tile yet goes on the bottom row's free squares.</summary>
    public static (int Column, int Row) TileOf(string alpha3, int unplacedIndex) =>
        Tiles.TryGetValue(alpha3, out var tile) ? tile : (unplacedIndex % 5, Rows - 1 - (unplacedIndex / 5));
}
