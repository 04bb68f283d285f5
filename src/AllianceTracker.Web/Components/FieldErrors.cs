namespace AllianceTracker.Web.Components;

/// <summary>The server's validation errors, keyed by field, for showing at each field of a form.</summary>
public sealed class FieldErrors
{
    private IReadOnlyDictionary<string, string[]> _errors = new Dictionary<string, string[]>();

    public bool Any => _errors.Count > 0;

    public IReadOnlyDictionary<string, string[]> All => _errors;

    public void Set(IReadOnlyDictionary<string, string[]> errors) => _errors = errors;

    public void Clear() => _errors = new Dictionary<string, string[]>();

    public bool Has(string field) => _errors.ContainsKey(field);

    /// <summary>The key of a problem with the whole form rather than one field (shown by FormFault).</summary>
    public const string Form = "";

    /// <summary>The form could not be saved for a reason outside it (the database is busy); the fields keep their values.</summary>
    public void SetFormFault(string message) => _errors = new Dictionary<string, string[]> { [Form] = [message] };

    public string? Of(string field) => _errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;
}
