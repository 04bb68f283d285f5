namespace AllianceTracker.Web.Features.Exchange;

/// <summary>
/// One table of the data package: one kind of thing per table, one row per thing, codes and names
/// side by side. Its schema is what <see cref="DataPackage"/> publishes and what its CSV is written
/// from, so the two cannot drift.
/// </summary>
public sealed record TidyTable(string Name, string Title, string Description, IReadOnlyList<TableField> Fields, IReadOnlyList<string> PrimaryKey, IReadOnlyList<TableForeignKey> ForeignKeys)
{
    public string FileName => $"{Name}.csv";
}
