using AllianceTracker.Web.Domain;

namespace AllianceTracker.Web.Features.History;

/// <summary>
/// What the history takes in one transaction, from whoever writes it: new entries, and the
/// members, summits, proposals and sources they need. Reference data already present (by its
/// key) is left as it is; the rest is added. Entries are always appended, never updated.
/// </summary>
public sealed record HistoryAppend(string Author, IReadOnlyList<StanceChangeInput> Changes)
{
    public IReadOnlyList<MemberInput> Members { get; init; } = [];

    public IReadOnlyList<SummitInput> Summits { get; init; } = [];

    public IReadOnlyList<ProposalInput> Proposals { get; init; } = [];

    /// <summary>Sources the entries cite by key; each needs its key.</summary>
    public IReadOnlyList<SourceInput> Sources { get; init; } = [];

    /// <summary>
    /// An editor saves on top of the version they saw (<see cref="StanceChangeInput.ExpectedVersion"/>),
    /// and a save on top of any other is refused. An import writes on top of whatever is there
    /// (false). Either way every cell written gets a new version, so an editor who loaded it
    /// before is refused afterwards instead of silently replacing what was written.
    /// </summary>
    public bool ChecksVersions { get; init; } = true;

    /// <summary>Which way the entries come in, kept on each for the audit trail.</summary>
    public EntryOrigin Origin { get; init; } = EntryOrigin.Editor;
}

/// <summary>Which part of an append a problem is in.</summary>
public enum AppendPart
{
    Members,
    Summits,
    Proposals,
    Sources,
    Changes,
}

/// <summary>A broken rule at one item of an append (<paramref name="Index"/> into its part), so each caller can name it in its own terms.</summary>
public sealed record AppendProblem(AppendPart Part, int Index, string Field, string Message);

/// <summary>The append breaks a rule; nothing was written.</summary>
public sealed class HistoryAppendRefusedException(IReadOnlyList<AppendProblem> problems)
    : Exception("The history refused the change; nothing was written: " + string.Join(" ", problems.Select(p => $"{p.Part}[{p.Index}].{p.Field}: {p.Message}")))
{
    public IReadOnlyList<AppendProblem> Problems { get; } = problems;

    /// <summary>For one editor's change: its problems keyed by field, as the API and the edit form show them.</summary>
    public EditValidationException ForOneChange()
    {
        var problems = new FieldProblems();
        foreach (var problem in Problems)
        {
            problems.Add(problem.Part == AppendPart.Changes ? problem.Field : $"{problem.Part.ToString().ToLowerInvariant()}.{problem.Field}", problem.Message);
        }

        return new EditValidationException(problems.ToDictionary());
    }

    /// <summary>For one statement over several cells: each change's problems under <c>cells[i]</c>.</summary>
    public EditValidationException ForCells()
    {
        var problems = new FieldProblems();
        foreach (var problem in Problems)
        {
            problems.Add(problem.Part == AppendPart.Changes ? $"cells[{problem.Index}].{problem.Field}" : $"{problem.Part.ToString().ToLowerInvariant()}.{problem.Field}", problem.Message);
        }

        return new EditValidationException(problems.ToDictionary());
    }
}

/// <summary>Someone else changed the cell since the editor loaded it; nothing was written.</summary>
public sealed class StanceConflictException(string memberAlpha3, string proposalSlug, CellState current)
    : Exception($"Another editor changed {memberAlpha3} on {proposalSlug} after you opened it.")
{
    public string MemberAlpha3 { get; } = memberAlpha3;

    public string ProposalSlug { get; } = proposalSlug;

    public CellState Current { get; } = current;
}

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

/// <summary>A saved entry and its cell's new version (what a follow-up edit must present).</summary>
public sealed record RecordedStance(StanceChange Change, Guid CellVersion);

/// <summary>What an append would add, and what stands in its way (nothing is written by a check).</summary>
public sealed record AppendCheck(IReadOnlyList<AppendProblem> Problems, int MembersToAdd, int SummitsToAdd, int ProposalsToAdd, int SourcesToAdd);

/// <summary>What an append added.</summary>
public sealed record AppendSummary(int MembersAdded, int SummitsAdded, int ProposalsAdded, int SourcesAdded, IReadOnlyList<RecordedStance> Recorded)
{
    public bool ChangedNothing => MembersAdded + SummitsAdded + ProposalsAdded + SourcesAdded + Recorded.Count == 0;
}
