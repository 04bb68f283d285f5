namespace AllianceTracker.Web.Features.History;

/// <summary>
/// What a write did: its result; the cells it touched (empty: anything may have changed — a new
/// proposal, summit or decision changes every picture); whether it changed anything at all (an
/// import of what is already there does not, and is not announced); and the conflict to report
/// when another write came first — found by the write's own check (<see cref="Conflicted"/>) or by
/// the save losing a race on a concurrency token. The conflict is built after the transaction is
/// rolled back, so it may read what is saved now.
/// </summary>
public sealed record LedgerStep<TResult>(TResult Result, IReadOnlyList<StanceCell> Cells)
{
    public bool ChangedSomething { get; init; } = true;

    /// <summary>
    /// False for a write no page or picture shows (a proposal's aliases, which only the news assist
    /// reads as it reads): saved like any other, announced to nobody. Every other write is announced.
    /// </summary>
    public bool Shown { get; init; } = true;

    /// <summary>Another write moved what this one was read at: nothing is saved, <see cref="Conflict"/> is thrown.</summary>
    public bool Conflicted { get; init; }

    public Func<Task<Exception>>? Conflict { get; init; }
}
