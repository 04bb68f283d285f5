namespace AllianceTracker.Web.Domain;

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
