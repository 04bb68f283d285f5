namespace AllianceTracker.Web.Features.Seeding;

/// <summary>The seed dataset breaks a rule; nothing was written. Each error names the file and the entry.</summary>
public sealed class SeedImportException(IReadOnlyList<string> errors)
    : Exception("The seed import was refused and the database left unchanged:" + Environment.NewLine
        + string.Join(Environment.NewLine, errors.Select(e => "  - " + e)))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
