using System.Globalization;
using AllianceTracker.Web.Components;
using AllianceTracker.Web.Features.History;
using AllianceTracker.Web.Features.Snapshots;
using Microsoft.AspNetCore.Components;

namespace AllianceTracker.Web.Features.Feeds;

/// <summary>
/// "What changed since yesterday?" answered by recording time, not effective date: every stance,
/// decision and retraction recorded since yesterday, a date or time in the address, the reader's
/// last visit (kept in the browser) or a snapshot — a change recorded today but dated 2024 included.
/// </summary>
public sealed partial class ChangesPage
{
    /// <summary>The most events listed; the history API and table hold the rest.</summary>
    public const int Limit = 300;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private List<RecordedEvent> _events = [];
    private IReadOnlyList<SnapshotSummary> _snapshots = [];
    private string _sinceLabel = "";
    private string? _problem;
    private bool _cut;
    private DateOnly _today;

    [Inject]
    private StanceHistoryReader History { get; set; } = null!;

    [Inject]
    private DecisionHistoryReader Decisions { get; set; } = null!;

    [Inject]
    private SnapshotService Snapshots { get; set; } = null!;

    [Inject]
    private TimeProvider Clock { get; set; } = null!;

    /// <summary>A date (2026-12-01) or a UTC time (2026-12-01T09:30:00Z).</summary>
    [SupplyParameterFromQuery(Name = "since")]
    public string? Since { get; set; }

    [SupplyParameterFromQuery(Name = "snapshot")]
    public string? Snapshot { get; set; }

    /// <summary>One member's entries only (its code), as its feed has.</summary>
    [SupplyParameterFromQuery(Name = "member")]
    public string? Member { get; set; }

    /// <summary>One proposal's entries and decisions only (its slug), as its feed has.</summary>
    [SupplyParameterFromQuery(Name = "proposal")]
    public string? Proposal { get; set; }

    /// <summary>"1" when a browser was sent here from the Atom feed's address.</summary>
    [SupplyParameterFromQuery(Name = "feed")]
    public string? Feed { get; set; }

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    private string FeedPath => ChangeFeedLink.PathFor(Member?.ToUpperInvariant(), Proposal);

    [Inject]
    private Api.PublicAddress PublicAddress { get; set; } = null!;

    private string FeedAddress => PublicAddress.Link(Navigation.BaseUri, FeedPath);

    private bool IsDefault => Since is null && Snapshot is null;

    protected override async Task OnParametersSetAsync()
    {
        var now = Clock.GetUtcNow().UtcDateTime;
        _today = DateOnly.FromDateTime(now);
        _snapshots = await Snapshots.ListAsync();
        _problem = null;
        var since = await ResolveSinceAsync(now);
        var member = Member?.ToUpperInvariant();
        var stances = await History.ReadRecentAsync(new HistoryFilter(Member: member, Proposal: Proposal), Limit + 1);
        // Decisions concern a proposal, not a member: a member's list has none (as its feed).
        var decisions = member is null ? await Decisions.ReadRecentAsync(Proposal, Limit + 1) : [];
        var events = stances.Select(e => new RecordedEvent(e.RecordedAtUtc, "change", e.Id, e.RecordedBy, e, null))
            .Concat(stances.Where(e => e.RetractedAtUtc is not null).Select(e => new RecordedEvent(e.RetractedAtUtc!.Value, "retraction", e.Id, e.RetractedBy!, e, null)))
            .Concat(decisions.Select(d => new RecordedEvent(d.RecordedAtUtc, "decision", d.Id, d.RecordedBy, null, d)))
            .Concat(decisions.Where(d => d.RetractedAtUtc is not null).Select(d => new RecordedEvent(d.RetractedAtUtc!.Value, "decision-retraction", d.Id, d.RetractedBy!, null, d)))
            .Where(e => e.At > since)
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .ToList();
        _cut = events.Count > Limit;
        _events = events.Take(Limit).ToList();
    }

    // The moment the list starts after, and how the heading names it.
    private async Task<DateTime> ResolveSinceAsync(DateTime now)
    {
        var yesterday = DateTime.SpecifyKind(now.Date.AddDays(-1), DateTimeKind.Utc);
        if (Snapshot is not null)
        {
            if (_snapshots.FirstOrDefault(s => s.Id == Snapshot) is { } snapshot)
            {
                _sinceLabel = $"the snapshot “{snapshot.Title}” ({snapshot.CreatedAtUtc.ToString("d MMMM yyyy, HH:mm", Invariant)} UTC)";
                return snapshot.CreatedAtUtc;
            }

            _problem = $"There is no snapshot '{Snapshot}'; showing what was recorded since yesterday.";
        }
        else if (Since is not null)
        {
            if (DateOnly.TryParseExact(Since, "yyyy-MM-dd", Invariant, DateTimeStyles.None, out var day) && day <= _today)
            {
                _sinceLabel = $"the start of {day.ToString("d MMMM yyyy", Invariant)} (UTC)";
                return day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddTicks(-1);
            }

            if (DateTime.TryParse(Since, Invariant, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var moment) && moment <= now)
            {
                _sinceLabel = $"{moment.ToString("d MMMM yyyy, HH:mm", Invariant)} UTC";
                return moment;
            }

            _problem = $"'{Since}' is not a date (2026-12-01) or a UTC time (2026-12-01T09:30:00Z) in the past; showing what was recorded since yesterday.";
        }

        _sinceLabel = $"yesterday, {DateOnly.FromDateTime(yesterday).ToString("d MMMM yyyy", Invariant)} (UTC)";
        return yesterday.AddTicks(-1);
    }

    private static bool IsBackdated(DateOnly effective, DateTime recorded) => effective < DateOnly.FromDateTime(recorded);

    private static string Dated(DateOnly date, bool approximate) => (approximate ? "c. " : "") + date.ToString("d MMMM yyyy", Invariant);

    /// <summary>One thing recorded: a stance entry, a decision, or the retraction of either, at the time it was recorded.</summary>
    private sealed record RecordedEvent(DateTime At, string Kind, long Id, string By, StanceHistoryEntry? Stance, DecisionHistoryEntry? Decision);
}
