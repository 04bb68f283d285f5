namespace AllianceTracker.Web.Api.Contracts;

/// <summary>One statement for several cells: each cell its stance (and conditions); the date, reason and evidence once.</summary>
public sealed record StatementBody(string EffectiveDate, string Reason, IReadOnlyList<EvidenceBody> Evidence, IReadOnlyList<StatementCellBody> Cells);
