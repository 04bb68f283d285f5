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

/// <summary>
/// A document that evidence is quoted from. Its details can be corrected (a wrong URL, the outlet's
/// name); every correction is kept as a <see cref="SourceCorrection"/> with what it replaced. Its
/// key never changes: seed files, exports and evidence cite it.
/// </summary>
public sealed class Source
{
    public int Id { get; init; }

    /// <summary>Stable, human-readable key used by seed files and exports (e.g. "icaro-2024-04-stoltenberg-fund").</summary>
    public required string Key { get; init; }

    public required string Title { get; set; }

    public required string Outlet { get; set; }

    public string? Url { get; set; }

    public DateOnly? PublishedOn { get; set; }

    /// <summary>True when the source carries no date of its own and <see cref="PublishedOn"/> is inferred.</summary>
    public bool PublishedOnIsApproximate { get; set; }

    public required SourceKind Kind { get; set; }

    /// <summary>Moves with every correction; a correction made on an older one is refused (409). The API's ETag.</summary>
    public Guid Version { get; set; }
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

/// <summary>A correction of a source's details: what they were before, why, who and when. Append-only.</summary>
public sealed class SourceCorrection
{
    public long Id { get; init; }

    public int SourceId { get; init; }

    public Source? Source { get; init; }

    /// <summary>The details before the correction, as one line ("Title · Outlet · date · kind · URL").</summary>
    public required string Before { get; init; }

    public required string Reason { get; init; }

    public required DateTime RecordedAtUtc { get; init; }

    public required string RecordedBy { get; init; }
}
