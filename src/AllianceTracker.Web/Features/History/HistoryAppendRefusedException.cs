using AllianceTracker.Web.Domain;

namespace AllianceTracker.Web.Features.History;

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
