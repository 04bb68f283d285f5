namespace AllianceTracker.Web.Features.History;

/// <summary>Someone else changed the cell since the editor loaded it; nothing was written.</summary>
public sealed class StanceConflictException(string memberAlpha3, string proposalSlug, CellState current)
    : Exception($"Another editor changed {memberAlpha3} on {proposalSlug} after you opened it.")
{
    public string MemberAlpha3 { get; } = memberAlpha3;

    public string ProposalSlug { get; } = proposalSlug;

    public CellState Current { get; } = current;
}
