using System.Text.Json.Serialization;

namespace AllianceTracker.Web.Features.Exchange;

public sealed record ExportPosition(
    string Member, string Proposal, string Stance, string? Conditions, string? EffectiveDate, string? Rationale, IReadOnlyList<ExportEvidence> Evidence)
{
    /// <summary>Version 2: true when the effective date is inferred, not stated; absent otherwise.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? EffectiveDateApproximate { get; init; }

    /// <summary>
    /// Version 2, optional: the editors' note when the stance is their interpretation of evidence that
    /// does not state it outright; absent otherwise (so snapshots frozen before it keep their hash).
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? InterpretationNote { get; init; }
}
