using AllianceTracker.Web.Domain;
using AllianceTracker.Web.Features.History;

namespace AllianceTracker.Web.Features.Exchange;

public sealed class ImportPlanner(PictureDocuments documents)
{
    public async Task<DatasetPlan> PlanAsync(ExportDocument document, string author, CancellationToken cancellationToken = default)
    {
        var current = await documents.CurrentAsync(IsoDate.Parse(document.AsOf), cancellationToken: cancellationToken);
        var diff = PictureDiff.Between(current, document, $"now (as of {document.AsOf})", "the imported dataset");
        var notes = new List<string>();
        foreach (var cleared in diff.Cells.Where(c => c.To == Stance.Unknown.ToCode()))
        {
            notes.Add($"{cleared.MemberName} on {cleared.Proposal} is unknown in the file but recorded here; an import never erases a stance — retract it instead.");
        }

        foreach (var decided in document.Proposals.Where(p => p.Outcome != ProposalOutcome.Pending.ToCode()))
        {
            notes.Add($"The decision on {decided.Slug} ({decided.Outcome}) is not imported: decisions are recorded on the proposal page, with their evidence.");
        }

        // Only the cells the file changes, and never to unknown: an import adds to the history, it does not erase it.
        var changed = diff.Cells.Where(c => c.To != Stance.Unknown.ToCode()).Select(c => (c.Member, c.Proposal)).ToHashSet();
        var positions = document.Positions
            .Select((position, index) => (position, index))
            .Where(p => changed.Contains((p.position.Member, p.position.Proposal)))
            .ToList();
        var append = new HistoryAppend(author, positions.Select(p => DatasetInputs.Change(p.position)).ToList())
        {
            Members = document.Members.Select(DatasetInputs.Member).ToList(),
            Summits = document.Summits.Select(DatasetInputs.Summit).ToList(),
            // In the order the dashboard lists them, so the new database lists them alike.
            Proposals = document.InDashboardOrder().Select(DatasetInputs.Proposal).ToList(),
            Sources = document.Sources.Select(DatasetInputs.Source).ToList(),
            ChecksVersions = false,
            Origin = EntryOrigin.Import,
        };
        return new DatasetPlan(document, diff, append, positions.Select(p => p.index).ToList(), notes);
    }
}
