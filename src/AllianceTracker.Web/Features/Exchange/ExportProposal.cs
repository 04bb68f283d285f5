using System.Text.Json.Serialization;

namespace AllianceTracker.Web.Features.Exchange;

public sealed record ExportProposal(
    string Slug, string Summit, string Title, string Description, string Proposer, string? TabledOn, bool TabledOnApproximate,
    string Outcome, string? DecidedOn)
{
    /// <summary>Version 2: where the dashboard lists the proposal (0 first), so every view of the document lists them alike.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Position { get; init; }

    /// <summary>Version 2: the decision in force on the document's date; absent while undecided.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ExportDecision? Decision { get; init; }
}
