namespace AllianceTracker.Web.Features.History;

/// <summary>
/// A write named the version of a proposal (its texts and decisions) or a source it was read at,
/// and another write has moved it on since: nothing was written. <see cref="Kind"/> is "proposal"
/// or "source", <see cref="Key"/> its slug or key.
/// </summary>
public sealed class VersionConflictException(string kind, string key, Guid current)
    : Exception($"Another editor changed the {kind} '{key}' after you opened it.")
{
    public string Kind { get; } = kind;

    public string Key { get; } = key;

    public Guid Current { get; } = current;
}
