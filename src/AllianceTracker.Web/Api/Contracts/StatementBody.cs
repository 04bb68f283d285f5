namespace AllianceTracker.Web.Api.Contracts;

/// <summary>
/// One statement for several cells: each cell its stance (and conditions); the date, reason, evidence and
/// interpretation note (when the stances are the editors' reading of the statement) once.
/// </summary>
public sealed record StatementBody(
    string EffectiveDate, string Reason, IReadOnlyList<EvidenceBody> Evidence, IReadOnlyList<StatementCellBody> Cells, string? InterpretationNote = null);
