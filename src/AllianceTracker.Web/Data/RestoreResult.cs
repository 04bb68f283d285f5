namespace AllianceTracker.Web.Data;

/// <summary>The result of <see cref="DatabaseFile.RestoreAsync"/>: where the previous database was kept.</summary>
public sealed record RestoreResult(string? PreviousKeptAs);
