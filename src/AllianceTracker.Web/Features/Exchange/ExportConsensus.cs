using System.Text.Json.Serialization;

namespace AllianceTracker.Web.Features.Exchange;

public sealed record ExportConsensus(
    string Proposal, string Status, IReadOnlyDictionary<string, int> Counts, IReadOnlyList<string> Blockers, IReadOnlyList<string> StillOpen)
{
    /// <summary>
    /// Version 2: the members on record as opting out; absent when none (and from documents
    /// written before it was added), so earlier snapshots re-serialize to the bytes they were hashed as.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? OptsOut { get; init; }
}
