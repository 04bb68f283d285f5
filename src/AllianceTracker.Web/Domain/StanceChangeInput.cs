namespace AllianceTracker.Web.Domain;

/// <summary>
/// A new entry for the stance history of one member on one proposal, from whoever writes it (an
/// editor, a seed file, a dataset). <see cref="ExpectedVersion"/> is the version of the cell the
/// editor saw (null: the cell had no entry yet); a save on top of any other version is refused.
/// With <see cref="AddsEvidence"/> the entry only adds <see cref="Evidence"/> to the stance on
/// record (its stance, conditions, date and reason are kept; the ones given here are not read).
/// <see cref="InterpretationNote"/>, when given, marks the stance as the editors' interpretation of the evidence.
/// </summary>
public sealed record StanceChangeInput(
    string MemberAlpha3,
    string ProposalSlug,
    Stance Stance,
    string? Conditions,
    DateOnly EffectiveOn,
    string Rationale,
    IReadOnlyList<EvidenceInput> Evidence,
    Guid? ExpectedVersion = null,
    bool EffectiveOnIsApproximate = false,
    bool AddsEvidence = false,
    string? InterpretationNote = null);
