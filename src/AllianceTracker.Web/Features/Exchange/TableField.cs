namespace AllianceTracker.Web.Features.Exchange;

/// <summary>
/// A column of a tidy table, as Frictionless Table Schema describes it: its type (string, integer,
/// boolean, date, datetime), what it holds, whether every row has it, and the codes it may take.
/// </summary>
public sealed record TableField(string Name, string Type, string Description, bool Required = false, IReadOnlyList<string>? Enum = null);
