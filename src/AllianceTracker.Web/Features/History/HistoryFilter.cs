namespace AllianceTracker.Web.Features.History;

/// <summary>Which history entries to list; null means "any".</summary>
public sealed record HistoryFilter(string? Member = null, string? Proposal = null, string? RecordedBy = null, DateOnly? From = null, DateOnly? To = null)
{
    /// <summary>Several members at once (with <see cref="Member"/>, both must hold).</summary>
    public IReadOnlyCollection<string>? Members { get; init; }
}
