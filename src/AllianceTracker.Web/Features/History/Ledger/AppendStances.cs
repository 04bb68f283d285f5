namespace AllianceTracker.Web.Features.History;

/// <summary>
/// Appends stance entries with the members, summits, proposals and sources they need — an
/// editor's save, the seed import, a dataset import, the news assist's accepted suggestions.
/// Each touched cell's version moves; an editor's save on a version they never saw is refused.
/// </summary>
/// <exception cref="HistoryAppendRefusedException">A rule is broken; nothing was written.</exception>
/// <exception cref="StanceConflictException">A cell moved on since the editor saw it; nothing was written.</exception>
public sealed class AppendStances(HistoryAppend append, StanceHistoryReader history) : ILedgerWrite<AppendSummary>
{
    public async Task<LedgerStep<AppendSummary>> ApplyAsync(LedgerContext context, CancellationToken cancellationToken)
    {
        var db = context.Db;
        var resolution = await AppendResolution.ResolveAsync(db, append, context.Today, cancellationToken);
        if (resolution.Problems.Count > 0)
        {
            throw new HistoryAppendRefusedException(resolution.Problems);
        }

        // Saved first (inside the transaction) so that new proposals have ids for their cells' versions.
        resolution.AddReferenceData(db, append.Author, context.RecordedAtUtc);
        await HistoryLedger.SaveSoFarAsync(context, cancellationToken);

        var cells = append.Changes
            .Select(c => new CellKey(c.MemberAlpha3, resolution.ProposalOf(c).Id, c.ProposalSlug, c.ExpectedVersion))
            .ToList();
        var entries = append.Changes.Select(c => resolution.ToEntry(c, append.Author, append.Origin, context.RecordedAtUtc)).ToList();
        db.StanceChanges.AddRange(entries);
        var (versions, conflict) = await CellVersionMoves.MoveAsync(db, cells, append.ChecksVersions, cancellationToken);
        var check = resolution.Check;
        var addsShape = check.MembersToAdd + check.SummitsToAdd + check.ProposalsToAdd > 0;
        var summary = new AppendSummary(
            check.MembersToAdd, check.SummitsToAdd, check.ProposalsToAdd, check.SourcesToAdd,
            conflict is null ? entries.Select((e, i) => new RecordedStance(e, versions[cells[i].Cell])).ToList() : []);

        // New members or proposals change the shape of every picture, not just some cells.
        IReadOnlyList<StanceCell> touched = addsShape ? [] : cells.Select(c => c.Cell).ToList();
        var first = conflict ?? cells.FirstOrDefault()?.Cell;
        return new LedgerStep<AppendSummary>(summary, touched)
        {
            ChangedSomething = !summary.ChangedNothing,
            Conflicted = conflict is not null,
            Conflict = first is { } cell ? CellVersionMoves.ConflictOn(cell, history, cancellationToken) : null,
        };
    }
}
