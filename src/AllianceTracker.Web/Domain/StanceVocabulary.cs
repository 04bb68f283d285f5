namespace AllianceTracker.Web.Domain;

/// <summary>The fixed stance vocabulary: code, label and consensus weight of each stance.</summary>
public static class StanceVocabulary
{
    public sealed record Definition(Stance Stance, string Code, string Label, string Meaning, ConsensusWeight Weight);

    /// <summary>Every stance, in the order the dashboard and the API list them.</summary>
    public static IReadOnlyList<Definition> All { get; } =
    [
        new(Stance.Supports, "supports", "Supports", "Publicly backs the proposal", ConsensusWeight.Clears),
        new(Stance.Conditional, "conditional", "Conditional", "Backs it only with stated conditions or concerns", ConsensusWeight.Clears),
        new(Stance.Undecided, "undecided", "Undecided", "Has signalled an open, mixed or unpredictable position", ConsensusWeight.Pending),
        new(Stance.Unknown, "unknown", "Unknown", "No public position on record", ConsensusWeight.Pending),
        new(Stance.OptsOut, "opts-out", "Opts out", "Will not take part but will not object", ConsensusWeight.Clears),
        new(Stance.Opposes, "opposes", "Opposes", "Objects to or rejects the proposal", ConsensusWeight.Blocks),
    ];

    private static readonly Dictionary<Stance, Definition> ByStance = All.ToDictionary(d => d.Stance);
    private static readonly Dictionary<string, Definition> ByCode = All.ToDictionary(d => d.Code, StringComparer.Ordinal);

    public static Definition Describe(this Stance stance) => ByStance[stance];

    public static string ToCode(this Stance stance) => ByStance[stance].Code;

    public static string ToLabel(this Stance stance) => ByStance[stance].Label;

    /// <summary>The stance as the verb of a sentence about a member: "Hungary opts out", "Spain has concerns or conditions".</summary>
    public static string ToPredicate(this Stance stance) => stance switch
    {
        Stance.Supports => "supports",
        Stance.Conditional => "supports with conditions or concerns",
        Stance.Undecided => "is undecided",
        Stance.Unknown => "has no position on record",
        Stance.OptsOut => "opts out",
        Stance.Opposes => "opposes",
        _ => throw new ArgumentOutOfRangeException(nameof(stance), stance, null),
    };

    /// <summary>Parses a stance code exactly as published (lower case, e.g. <c>opts-out</c>).</summary>
    public static bool TryParse(string? code, out Stance stance)
    {
        if (code is not null && ByCode.TryGetValue(code, out var definition))
        {
            stance = definition.Stance;
            return true;
        }

        stance = Stance.Unknown;
        return false;
    }

    public static string CodeList { get; } = string.Join(", ", All.Select(d => d.Code));
}
