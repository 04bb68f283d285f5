namespace AllianceTracker.Web.Data.PostgreSql;

/// <summary>What a copy moved: rows per table (each counted again in the target), and the snapshots whose hashes were checked.</summary>
public sealed record DatabaseCopyReport(IReadOnlyList<(string Table, int Rows)> Tables, int SnapshotsVerified);
