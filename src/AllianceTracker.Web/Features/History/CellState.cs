namespace AllianceTracker.Web.Features.History;

/// <summary>The latest entry in a cell and the cell's version, as an editor sees them before changing it.</summary>
public sealed record CellState(Guid? Version, StanceHistoryEntry? Latest);
