namespace AllianceTracker.Web.Domain;

/// <summary>The input breaks a rule; nothing was written. Problems are keyed by the field they concern.</summary>
public sealed class EditValidationException(IReadOnlyDictionary<string, string[]> errors)
    : Exception("The change was refused: " + string.Join(" ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")))
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}
