namespace AllianceTracker.Web.Features.Exchange;

public sealed record ImportProblem(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
