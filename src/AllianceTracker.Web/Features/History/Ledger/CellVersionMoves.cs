using AllianceTracker.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AllianceTracker.Web.Features.History;

/// <summary>A cell a write touches: its member, its proposal (id and slug), and the version the writer saw (null: an import, which does not check).</summary>
internal sealed record CellKey(string MemberAlpha3, int ProposalId, string ProposalSlug, Guid? ExpectedVersion)
{
    public StanceCell Cell => new(MemberAlpha3, ProposalSlug);
}

/// <summary>The stance cells' versions, which every stance write moves and every editor's write checks.</summary>
internal static class CellVersionMoves
{
    /// <summary>
    /// Gives every touched cell a new version (one per cell, however many entries it gets). With
    /// <paramref name="checksVersions"/>, a cell whose version is not the one the writer saw is
    /// returned as the conflict and nothing moves.
    /// </summary>
    public static async Task<(IReadOnlyDictionary<StanceCell, Guid> New, StanceCell? Conflict)> MoveAsync(
        AllianceDbContext db, IReadOnlyList<CellKey> cells, bool checksVersions, CancellationToken cancellationToken)
    {
        var members = cells.Select(c => c.MemberAlpha3).Distinct().ToList();
        var proposals = cells.Select(c => c.ProposalId).Distinct().ToList();
        var rows = (await db.CellVersions
                .Where(v => members.Contains(v.MemberAlpha3) && proposals.Contains(v.ProposalId))
                .ToListAsync(cancellationToken))
            .ToDictionary(v => (v.MemberAlpha3, v.ProposalId));

        if (checksVersions && cells.FirstOrDefault(c => rows.GetValueOrDefault((c.MemberAlpha3, c.ProposalId))?.Version != c.ExpectedVersion) is { } stale)
        {
            return (new Dictionary<StanceCell, Guid>(), stale.Cell);
        }

        var moved = new Dictionary<StanceCell, Guid>();
        foreach (var cell in cells.DistinctBy(c => c.Cell))
        {
            var version = Guid.NewGuid();
            moved[cell.Cell] = version;
            if (rows.TryGetValue((cell.MemberAlpha3, cell.ProposalId), out var row))
            {
                row.Version = version;
            }
            else
            {
                db.CellVersions.Add(new StanceCellVersion { MemberAlpha3 = cell.MemberAlpha3, ProposalId = cell.ProposalId, Version = version });
            }
        }

        return (moved, null);
    }

    /// <summary>The conflict an editor is told about: the cell as it stands now, read after the write was rolled back.</summary>
    public static Func<Task<Exception>> ConflictOn(StanceCell cell, StanceHistoryReader history, CancellationToken cancellationToken) =>
        async () => new StanceConflictException(cell.MemberAlpha3, cell.ProposalSlug, await history.ReadCellAsync(cell.MemberAlpha3, cell.ProposalSlug, cancellationToken));
}

/// <summary>The versions of proposals (texts and decisions) and sources: checked and moved by each write to them (ADR 0019).</summary>
internal static class RowVersions
{
    /// <summary>Checks the version a write was read at (none given: no check) and returns the next one.</summary>
    public static Guid Next(string kind, string key, Guid current, Guid? expected) =>
        expected is { } read && read != current ? throw new VersionConflictException(kind, key, current) : Guid.NewGuid();
}
