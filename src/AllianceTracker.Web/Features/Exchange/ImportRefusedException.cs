namespace AllianceTracker.Web.Features.Exchange;

public sealed class ImportRefusedException(IReadOnlyList<ImportProblem> problems)
    : Exception("The import was refused; nothing was changed: " + string.Join(" ", problems))
{
    public IReadOnlyList<ImportProblem> Problems { get; } = problems;
}
