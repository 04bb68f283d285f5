using AllianceTracker.Web.Data;
using AllianceTracker.Web.Domain;
using AllianceTracker.Web.Features.History;
using Microsoft.EntityFrameworkCore;

namespace AllianceTracker.Web.Features.Sources;

/// <summary>The sources editors cite and readers check: newest first, searchable.</summary>
public sealed class SourceCatalog(IDbContextFactory<AllianceDbContext> dbFactory, AuthorDirectory authors)
{
    /// <summary>Every source, newest first, for the pickers of the stance and decision forms.</summary>
    public async Task<IReadOnlyList<SourceSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var sources = await db.Sources.AsNoTracking().ToListAsync(cancellationToken);
        return sources.OrderByDescending(s => s.PublishedOn).ThenBy(s => s.Title).Select(SourceSummary.From).ToList();
    }

    /// <summary>
    /// Sources whose title, outlet, URL or key contain <paramref name="search"/> (all when empty),
    /// of one kind when given, newest first, with their citations and corrections.
    /// </summary>
    public async Task<IReadOnlyList<SourceListingView>> SearchAsync(string? search, SourceKind? kind, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Sources.AsNoTracking()
            .Where(s => kind == null || s.Kind == kind)
            .Select(s => new
            {
                Source = s,
                // Entries that stand: a retracted one no longer cites anything a reader sees.
                Stances = db.Evidence.Count(e => e.SourceId == s.Id && !db.Retractions.Any(r => r.StanceChangeId == e.StanceChangeId)),
                Decisions = db.DecisionEvidenceItems.Count(e => e.SourceId == s.Id && !db.DecisionRetractions.Any(r => r.DecisionId == e.DecisionId)),
            })
            .ToListAsync(cancellationToken);
        var text = search?.Trim() ?? "";
        var matching = rows
            .Where(r => text.Length == 0
                || r.Source.Title.Contains(text, StringComparison.OrdinalIgnoreCase)
                || r.Source.Outlet.Contains(text, StringComparison.OrdinalIgnoreCase)
                || r.Source.Key.Contains(text, StringComparison.OrdinalIgnoreCase)
                || (r.Source.Url ?? "").Contains(text, StringComparison.OrdinalIgnoreCase))
            .ToList();
        var ids = matching.Select(r => r.Source.Id).ToList();
        var corrections = (await db.SourceCorrections.AsNoTracking().Where(c => ids.Contains(c.SourceId)).ToListAsync(cancellationToken))
            .ToLookup(c => c.SourceId);
        var publicName = await authors.GetAsync(cancellationToken);
        return matching
            .OrderByDescending(r => r.Source.PublishedOn).ThenBy(r => r.Source.Title, StringComparer.Ordinal)
            .Select(r => new SourceListingView(
                SourceSummary.From(r.Source), r.Stances, r.Decisions,
                corrections[r.Source.Id].OrderBy(c => c.RecordedAtUtc).ThenBy(c => c.Id)
                    .Select(c => new SourceCorrectionView(c.Before, c.Reason, c.RecordedAtUtc, publicName(c.RecordedBy))).ToList(),
                r.Source.Version))
            .ToList();
    }
}
