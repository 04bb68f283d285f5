using AllianceTracker.Web.Domain;

namespace AllianceTracker.Web.Features.History;

/// <summary>
/// One step in a member's record on a proposal: what it moved from, to what, when and on what
/// evidence. A retracted entry keeps its place in the trail, marked, and is skipped when working
/// out what later entries moved from.
/// </summary>
public sealed record StanceHistoryEntry(
    long Id,
    string MemberAlpha3,
    string MemberName,
    string ProposalSlug,
    string ProposalTitle,
    Stance From,
    Stance To,
    string? Conditions,
    DateOnly EffectiveOn,
    string Rationale,
    DateTime RecordedAtUtc,
    string RecordedBy,
    IReadOnlyList<EvidenceView> Evidence,
    string? RetractedBy = null,
    DateTime? RetractedAtUtc = null,
    string? RetractionReason = null,
    bool EffectiveOnIsApproximate = false,
    EntryOrigin? Origin = null,
    long? AddsEvidenceTo = null,
    string? InterpretationNote = null)
{
    /// <summary>Only adds evidence to an earlier entry: the stance, date and reason stay; the sources grow.</summary>
    public bool AddsEvidence => AddsEvidenceTo is not null;
}
