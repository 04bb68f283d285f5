namespace AllianceTracker.Web.Domain;

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
