namespace AllianceTracker.Web.Domain;

/// <summary>
/// One broken rule: the field it concerns, named as the API and the forms name it
/// (<c>evidence[0].excerpt</c>), and what is wrong, as a sentence a person can act on.
/// </summary>
public sealed record FieldProblem(string Field, string Message);

/// <summary>The input breaks a rule; nothing was written. Problems are keyed by the field they concern.</summary>
public sealed class EditValidationException(IReadOnlyDictionary<string, string[]> errors)
    : Exception("The change was refused: " + string.Join(" ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")))
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}

/// <summary>Collects the problems of an input by field, then refuses it with all of them at once.</summary>
public sealed class FieldProblems
{
    private readonly Dictionary<string, List<string>> _problems = [];

    public bool Any => _problems.Count > 0;

    /// <summary>Records <paramref name="problem"/> against <paramref name="field"/>; a null problem means the field is fine.</summary>
    public void Add(string field, string? problem)
    {
        if (problem is null)
        {
            return;
        }

        if (!_problems.TryGetValue(field, out var messages))
        {
            _problems[field] = messages = [];
        }

        messages.Add(problem);
    }

    /// <summary>Records every problem, each field prefixed (e.g. <c>evidence[0].newSource.</c>).</summary>
    public void Add(IEnumerable<FieldProblem> problems, string prefix = "")
    {
        foreach (var problem in problems)
        {
            Add(prefix + problem.Field, problem.Message);
        }
    }

    public IReadOnlyDictionary<string, string[]> ToDictionary() => _problems.ToDictionary(p => p.Key, p => p.Value.ToArray());

    public void ThrowIfAny()
    {
        if (Any)
        {
            throw new EditValidationException(ToDictionary());
        }
    }
}
