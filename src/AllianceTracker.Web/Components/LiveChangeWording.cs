using AllianceTracker.Web.Domain;
using AllianceTracker.Web.Features.History;
using AllianceTracker.Web.Features.Positions;

namespace AllianceTracker.Web.Components;

/// <summary>
/// What a live change is announced as: "1 change: Hungary on the €100bn five-year fund for Ukraine
/// is now Opts out". Editors' pages say it from the circuit; readers' page script says the same
/// words from the page's names (<see cref="LiveMarker"/>), so both read alike.
/// </summary>
public static class LiveChangeWording
{
    public static string? Describe(IReadOnlyList<StanceCell> cells, AlliancePicture picture)
    {
        if (cells.Count == 0)
        {
            return null;
        }

        var parts = cells.Select(cell =>
        {
            var proposal = picture.FindProposal(cell.ProposalSlug)?.Proposal.Title ?? cell.ProposalSlug;
            return $"{picture.MemberName(cell.MemberAlpha3)} on {proposal} is now {picture.PositionOf(cell.MemberAlpha3, cell.ProposalSlug).Stance.ToLabel()}";
        });
        return $"{cells.Count} {(cells.Count == 1 ? "change" : "changes")}: {string.Join("; ", parts)}";
    }
}
