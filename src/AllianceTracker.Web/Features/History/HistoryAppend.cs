using AllianceTracker.Web.Domain;

namespace AllianceTracker.Web.Features.History;

/// <summary>
/// What the history takes in one transaction, from whoever writes it: new entries, and the
/// members, summits, proposals and sources they need. Reference data already present (by its
/// key) is left as it is; the rest is added. Entries are always appended, never updated.
/// </summary>
public sealed record HistoryAppend(string Author, IReadOnlyList<StanceChangeInput> Changes)
{
    public IReadOnlyList<MemberInput> Members { get; init; } = [];

    public IReadOnlyList<SummitInput> Summits { get; init; } = [];

    public IReadOnlyList<ProposalInput> Proposals { get; init; } = [];

    /// <summary>Sources the entries cite by key; each needs its key.</summary>
    public IReadOnlyList<SourceInput> Sources { get; init; } = [];

    /// <summary>
    /// An editor saves on top of the version they saw (<see cref="StanceChangeInput.ExpectedVersion"/>),
    /// and a save on top of any other is refused. An import writes on top of whatever is there
    /// (false). Either way every cell written gets a new version, so an editor who loaded it
    /// before is refused afterwards instead of silently replacing what was written.
    /// </summary>
    public bool ChecksVersions { get; init; } = true;

    /// <summary>Which way the entries come in, kept on each for the audit trail.</summary>
    public EntryOrigin Origin { get; init; } = EntryOrigin.Editor;
}
