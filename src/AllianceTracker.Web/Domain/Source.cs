namespace AllianceTracker.Web.Domain;

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
