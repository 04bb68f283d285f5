namespace AllianceTracker.Web.Features.History;

/// <summary>
/// Which cells (member × proposal) changed; empty cells mean "anything may have changed" (e.g. a
/// new proposal). <see cref="Version"/> is the data version the change produced, given by the
/// notifier when it is published. A resync notice says a listener missed notices and should
/// re-read everything.
/// </summary>
public sealed record StanceChangeNotice(IReadOnlyList<StanceCell> Cells)
{
    public long Version { get; init; }

    public bool IsResync { get; init; }

    public static StanceChangeNotice Resync(long version) => new([]) { Version = version, IsResync = true };
}
