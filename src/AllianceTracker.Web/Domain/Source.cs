namespace AllianceTracker.Web.Domain;

public enum SourceKind
{
    NewsReport,
    OfficialStatement,

    /// <summary>A summit declaration or communiqué: the text the allies agreed.</summary>
    Declaration,
    Interview,
    Analysis,
}

/// <summary>A document that evidence is quoted from.</summary>
public sealed class Source
{
    public int Id { get; init; }

    /// <summary>Stable, human-readable key used by seed files and exports (e.g. "icaro-2024-04-stoltenberg-fund").</summary>
    public required string Key { get; init; }

    public required string Title { get; init; }

    public required string Outlet { get; init; }

    public string? Url { get; init; }

    public DateOnly? PublishedOn { get; init; }

    /// <summary>True when the source carries no date of its own and <see cref="PublishedOn"/> is inferred.</summary>
    public bool PublishedOnIsApproximate { get; init; }

    public required SourceKind Kind { get; init; }
}

/// <summary>The published codes of <see cref="SourceKind"/> ("news-report", …), used by seed files and the API.</summary>
public static class SourceKindCodes
{
    public static CodeMap<SourceKind> Map { get; } = new(
        (SourceKind.NewsReport, "news-report"),
        (SourceKind.OfficialStatement, "official-statement"),
        (SourceKind.Declaration, "declaration"),
        (SourceKind.Interview, "interview"),
        (SourceKind.Analysis, "analysis"));

    public static string CodeList => Map.CodeList;

    public static string ToCode(SourceKind kind) => Map.ToCode(kind);

    public static bool TryParse(string? code, out SourceKind kind) => Map.TryParse(code, out kind);
}
