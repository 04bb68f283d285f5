using System.Globalization;
using AllianceTracker.Web.Data;
using AllianceTracker.Web.Domain;
using AllianceTracker.Web.Features.History;
using AllianceTracker.Web.Features.Positions;
using Microsoft.EntityFrameworkCore;

namespace AllianceTracker.Web.Features.Exchange;

/// <summary>
/// The rows of each <see cref="TidyTables"/> table, as text in the table's column order (null:
/// an empty cell). Dates are ISO 8601, times UTC with a Z, booleans true/false, codes as published.
/// </summary>
public sealed class TidyTableReader(
    AlliancePictureCache pictures, StanceHistoryReader history, DecisionHistoryReader decisions, IDbContextFactory<AllianceDbContext> dbFactory)
{
    public async Task<IReadOnlyList<string?[]>> ReadAsync(TidyTable table, CancellationToken cancellationToken = default) => table.Name switch
    {
        "members" => MemberRows(await pictures.GetAsync(cancellationToken: cancellationToken)),
        "proposals" => ProposalRows(await pictures.GetAsync(cancellationToken: cancellationToken)),
        "sources" => await SourceRowsAsync(cancellationToken),
        "history" => (await StanceEntriesAsync(cancellationToken)).Select(HistoryRow).ToList(),
        "decisions" => (await DecisionsAsync(cancellationToken)).Select(DecisionRow).ToList(),
        "evidence" => EvidenceRows(await StanceEntriesAsync(cancellationToken), await DecisionsAsync(cancellationToken)),
        _ => throw new ArgumentOutOfRangeException(nameof(table), table.Name, "Not a table of the data package."),
    };

    /// <summary>Every table at once (the zip), each source read once: the history and the decisions feed two tables each.</summary>
    public async Task<IReadOnlyDictionary<TidyTable, IReadOnlyList<string?[]>>> ReadAllAsync(CancellationToken cancellationToken = default)
    {
        var picture = await pictures.GetAsync(cancellationToken: cancellationToken);
        var entries = await StanceEntriesAsync(cancellationToken);
        var decided = await DecisionsAsync(cancellationToken);
        return new Dictionary<TidyTable, IReadOnlyList<string?[]>>
        {
            [TidyTables.Members] = MemberRows(picture),
            [TidyTables.Proposals] = ProposalRows(picture),
            [TidyTables.Sources] = await SourceRowsAsync(cancellationToken),
            [TidyTables.History] = entries.Select(HistoryRow).ToList(),
            [TidyTables.Decisions] = decided.Select(DecisionRow).ToList(),
            [TidyTables.Evidence] = EvidenceRows(entries, decided),
        };
    }

    /// <summary>The whole history in the order entries were made (their ids), the order a cursor pages through.</summary>
    private async Task<IReadOnlyList<StanceHistoryEntry>> StanceEntriesAsync(CancellationToken cancellationToken) =>
        (await history.ReadAsync(new HistoryFilter(), cancellationToken)).OrderBy(e => e.Id).ToList();

    private async Task<IReadOnlyList<DecisionHistoryEntry>> DecisionsAsync(CancellationToken cancellationToken) =>
        (await decisions.ReadAsync(cancellationToken: cancellationToken)).OrderBy(d => d.Id).ToList();

    private static List<string?[]> MemberRows(AlliancePicture picture) =>
        picture.Members.Select(m => new string?[]
        {
            m.Alpha3, m.Alpha2, m.Name, Integer(m.AccessionYear), m.Subregion, Boolean(m.IsEuMember), Boolean(m.IsBucharestNine),
        }).ToList();

    private static List<string?[]> ProposalRows(AlliancePicture picture) =>
        picture.Consensus.Select(c => new string?[]
        {
            c.Proposal.Slug, c.Proposal.Title, c.Proposal.SummitSlug, c.Proposal.SummitName, c.Proposal.Proposer,
            c.Proposal.TabledOn?.ToIso(), Boolean(c.Proposal.TabledOnIsApproximate), c.StatusCode, c.Proposal.DecidedOn?.ToIso(),
        }).ToList();

    private async Task<List<string?[]>> SourceRowsAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var sources = await db.Sources.AsNoTracking().OrderBy(s => s.Key).ToListAsync(cancellationToken);
        return sources.Select(s => new string?[]
        {
            s.Key, s.Title, s.Outlet, SourceKindCodes.ToCode(s.Kind), s.Url, s.PublishedOn?.ToIso(), Boolean(s.PublishedOnIsApproximate),
        }).ToList();
    }

    private static string?[] HistoryRow(StanceHistoryEntry e) =>
    [
        Integer(e.Id), e.MemberAlpha3, e.MemberName, e.ProposalSlug, e.ProposalTitle, e.From.ToCode(), e.To.ToCode(), e.Conditions,
        e.EffectiveOn.ToIso(), Boolean(e.EffectiveOnIsApproximate), e.Rationale, Time(e.RecordedAtUtc), e.RecordedBy, e.Origin?.ToCode(),
        e.AddsEvidenceTo is { } earlier ? Integer(earlier) : null, Boolean(e.RetractedAtUtc is not null), e.RetractedAtUtc is { } r ? Time(r) : null, e.RetractionReason,
        e.InterpretationNote,
    ];

    private static string?[] DecisionRow(DecisionHistoryEntry d) =>
    [
        Integer(d.Id), d.ProposalSlug, d.ProposalTitle, d.Outcome.ToCode(), d.DecidedOn.ToIso(), d.Note, d.ReplacedBySlug,
        Time(d.RecordedAtUtc), d.RecordedBy, Boolean(d.RetractedAtUtc is not null), d.RetractedAtUtc is { } r ? Time(r) : null, d.RetractionReason,
    ];

    private static List<string?[]> EvidenceRows(IReadOnlyList<StanceHistoryEntry> entries, IReadOnlyList<DecisionHistoryEntry> decided) =>
    [
        .. entries.SelectMany(e => e.Evidence.Select((item, i) => EvidenceRow("stance", e.Id, i, e.MemberAlpha3, e.ProposalSlug, item))),
        .. decided.SelectMany(d => d.Evidence.Select((item, i) => EvidenceRow("decision", d.Id, i, null, d.ProposalSlug, item))),
    ];

    private static string?[] EvidenceRow(string kind, long entryId, int index, string? member, string proposal, EvidenceView item) =>
        [kind, Integer(entryId), Integer(index + 1), member, proposal, item.Source.Key, item.Source.Title, item.Source.Url, item.Excerpt];

    private static string Integer(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Boolean(bool value) => value ? "true" : "false";

    private static string Time(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
