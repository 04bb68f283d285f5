namespace AllianceTracker.Web.Features.History;

/// <summary>Which cells (member × proposal) changed; empty cells mean "anything may have changed" (e.g. a new proposal).</summary>
public sealed record StanceChangeNotice(IReadOnlyList<StanceCell> Cells, string Origin);

public readonly record struct StanceCell(string MemberAlpha3, string ProposalSlug);

/// <summary>
/// Tells open pages and caches that the stance history changed. In-process today; a distributed
/// backplane (e.g. for several app instances) can implement the same interface later.
/// </summary>
public interface IStanceChangeNotifier
{
    /// <summary>Grows by one with every published change; readers compare it to know whether what they hold is current.</summary>
    long Version { get; }

    /// <summary>Subscribe to changes; dispose the result to unsubscribe.</summary>
    IDisposable Subscribe(Func<StanceChangeNotice, Task> onChanged);

    Task PublishAsync(StanceChangeNotice notice);
}
