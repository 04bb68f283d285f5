namespace AllianceTracker.Web.Domain;

/// <summary>
/// One entry in the append-only stance history: a member took <see cref="Stance"/> on a proposal
/// from <see cref="EffectiveOn"/>. Entries are never updated or deleted; current and as-of
/// pictures are derived from them (see docs/decisions/0001).
/// </summary>
public sealed class StanceChange
{
    public long Id { get; init; }

    public required string MemberAlpha3 { get; init; }

    public MemberState? Member { get; init; }

    public int ProposalId { get; init; }

    public Proposal? Proposal { get; init; }

    public required Stance Stance { get; init; }

    /// <summary>The conditions or concerns attached; required for <see cref="Stance.Conditional"/>.</summary>
    public string? Conditions { get; init; }

    public required DateOnly EffectiveOn { get; init; }

    /// <summary>True when the date is inferred (e.g. from an undated source's approximate date): shown as "c. 3 Apr 2024".</summary>
    public bool EffectiveOnIsApproximate { get; init; }

    /// <summary>One line: why the evidence supports this stance.</summary>
    public required string Rationale { get; init; }

    /// <summary>
    /// Set when the stance is the editors' reading of evidence that does not state it outright: the
    /// note says what was read into it. Readers see a mark that opens the note wherever the stance shows.
    /// </summary>
    public string? InterpretationNote { get; init; }

    public required DateTime RecordedAtUtc { get; init; }

    public required string RecordedBy { get; init; }

    /// <summary>Which way the entry came in (editor, seed, import, news assist); null for entries recorded before this was kept.</summary>
    public EntryOrigin? Origin { get; init; }

    /// <summary>
    /// Set when this entry only adds evidence to an earlier one (its id): the same stance, conditions,
    /// date and reason, with that entry's evidence and more. Corroboration is recorded, not
    /// displacement: the picture shows every source, and the trail says who added which.
    /// </summary>
    public long? AddsEvidenceTo { get; init; }

    public List<StanceEvidence> Evidence { get; init; } = [];
}
