using AllianceTracker.Web.Domain;
using AllianceTracker.Web.Features.History;
using AllianceTracker.Web.Features.Positions;
using Microsoft.AspNetCore.Components;

namespace AllianceTracker.Web.Components;

/// <summary>
/// Base for pages that show the picture on a date (from <c>?asOf=</c>, default today) and follow
/// changes live: on every stance change the picture is re-read from the shared cache, the page
/// re-renders, and the changed cells are marked for a few seconds.
/// </summary>
public abstract class LivePicturePage : ComponentBase, IDisposable
{
    private static readonly TimeSpan HighlightFor = TimeSpan.FromSeconds(4);

    private IDisposable? _subscription;
    private CancellationTokenSource? _highlight;
    private OwnSaves? _ownSaves;
    // Loads overlap: the page's own (a new address) awaits its read while a change's load runs,
    // and either may finish first. Numbered as they begin, the later-begun one read later, at a
    // version and address at least as new: an earlier-begun load that finishes after it is
    // dropped, or it would put a picture from before a change back on screen for good.
    private long _loadsBegun;
    private long _loadShown;

    [Inject]
    protected AlliancePictureCache Pictures { get; set; } = null!;

    [Inject]
    protected IStanceChangeNotifier Notifier { get; set; } = null!;

    [Inject]
    protected NavigationManager Navigation { get; set; } = null!;

    [Inject]
    private LiveAnnouncements Announcements { get; set; } = null!;

    [Inject]
    private IServiceProvider Services { get; set; } = null!;

    /// <summary>The date in the URL, <c>YYYY-MM-DD</c>; absent means today.</summary>
    [SupplyParameterFromQuery(Name = "asOf")]
    public string? AsOfText { get; set; }

    protected AlliancePicture? Picture { get; private set; }

    /// <summary>
    /// The data version the picture was read at. A reading page hands it to the page script, which
    /// follows the change stream from there (ADR 0011).
    /// </summary>
    protected long DataVersion { get; private set; }

    /// <summary>
    /// Whether to show edit controls, decided once per request by the shell, not once per cell.
    /// Hiding them is a courtesy; every write checks the role on the server.
    /// </summary>
    [CascadingParameter(Name = "CanEdit")]
    protected bool CanEdit { get; set; }

    /// <summary>The date asked for, or null for today (also when the URL's date is not a date).</summary>
    protected DateOnly? AsOfDate { get; private set; }

    /// <summary>Set when <c>asOf</c> in the URL is not a date, is in the future or before the alliance; the page then shows today.</summary>
    protected string? AsOfProblem { get; private set; }

    protected IReadOnlySet<StanceCell> RecentlyChanged { get; private set; } = new HashSet<StanceCell>();

    /// <summary>The consensus counts ("proposal:stance") that the last live change moved.</summary>
    protected IReadOnlySet<string> RecentlyChangedCounts { get; private set; } = new HashSet<string>();

    protected bool WasChanged(string member, string proposal) => RecentlyChanged.Contains(new StanceCell(member, proposal));

    protected bool WasCountChanged(string countKey) => RecentlyChangedCounts.Contains(countKey);

    /// <summary>
    /// The address whose view is on screen, set once the picture for it has loaded: the page
    /// script waits for it after applying a view control (see <see cref="LiveMarker"/>).
    /// </summary>
    protected string? ShownView { get; private set; }

    /// <summary>The page's <see cref="LiveMarker"/>, for the page script: render it once, inside the page's content.</summary>
    protected RenderFragment Marker => builder =>
    {
        builder.OpenComponent<LiveMarker>(0);
        builder.AddComponentParameter(1, nameof(LiveMarker.Version), DataVersion);
        builder.AddComponentParameter(2, nameof(LiveMarker.Scope), LiveScope);
        builder.AddComponentParameter(3, nameof(LiveMarker.ShownView), ShownView);
        builder.AddComponentParameter(4, nameof(LiveMarker.Summary), ViewSummary);
        builder.AddComponentParameter(5, nameof(LiveMarker.Picture), Picture);
        builder.CloseComponent();
    };

    /// <summary>", as of 1 May 2024" for a view of a past date, for the page's title (a tab or bookmark says which day); empty for today.</summary>
    protected string TitleDate => AsOfDate is { } date ? $", as of {date.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)}" : "";

    /// <summary>What the page covers, for live updates: "all", "member:HUN" or "proposal:ukraine-fund".</summary>
    protected virtual string LiveScope => "all";

    /// <summary>
    /// The view in one sentence ("Showing 12 of 32 members, as of 20 June 2024"), announced to
    /// screen readers after a view control changed it.
    /// </summary>
    protected virtual string? ViewSummary => null;

    protected override void OnInitialized()
    {
        // Only a live circuit can be told about changes; the prerender pass has nobody to update.
        if (RendererInfo.IsInteractive)
        {
            _subscription = Notifier.Subscribe(OnStancesChangedAsync);
            // The editor's own save is shown by this page's own read, not only by the notice:
            // the notice may come late (held for an earlier one) or be lost with a connection.
            _ownSaves = Services.GetService<OwnSaves>();
            if (_ownSaves is not null)
            {
                _ownSaves.Committed += OnOwnSaveAsync;
            }
        }
    }

    protected override async Task OnParametersSetAsync()
    {
        (AsOfDate, AsOfProblem) = ParseAsOf(AsOfText, Pictures.Today);
        if ((await LoadAsync(fresh: false)).Shown)
        {
            await OnPictureLoadedAsync(notice: null);
        }

        var previous = ShownView;
        ShownView = Navigation.Uri;
        // An editor's view control navigates inside the circuit; say what the new view shows. (A
        // reader's page script reads the same summary from the page.)
        if (RendererInfo.IsInteractive && previous is not null && previous != ShownView && ViewSummary is { } summary)
        {
            Announcements.Announce(summary);
        }
    }

    /// <summary>
    /// Runs after every (re)load of the picture; pages that read more than the picture reload it
    /// here. <paramref name="notice"/> is the change that caused the reload, or null when the page
    /// itself (re)loaded, so a page can skip work for changes that do not concern it.
    /// </summary>
    protected virtual Task OnPictureLoadedAsync(StanceChangeNotice? notice) => Task.CompletedTask;

    private static (DateOnly?, string?) ParseAsOf(string? text, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, null);
        }

        if (!IsoDate.TryParse(text, out var date))
        {
            return (null, $"{IsoDate.NotADate(text)} Showing today instead.");
        }

        return IsoDate.PictureDateProblem(date, today) is { } problem ? (null, $"{problem} Showing today instead.") : (date, null);
    }

    /// <summary>
    /// Reads the picture for the page's date and shows it, unless a load begun after this one has
    /// shown its own meanwhile: whether it was shown, and the picture it replaced (null before the
    /// first). <paramref name="fresh"/> reads past the cache (after the editor's own save).
    /// </summary>
    private async Task<(bool Shown, AlliancePicture? Before)> LoadAsync(bool fresh)
    {
        var load = ++_loadsBegun;
        var version = Notifier.Version;
        var picture = fresh ? await Pictures.ReadAgainAsync(AsOfDate) : await Pictures.GetAsync(AsOfDate);
        if (load < _loadShown)
        {
            return (false, null);
        }

        var before = Picture;
        _loadShown = load;
        DataVersion = version;
        Picture = picture;
        return (true, before);
    }

    private Task OnOwnSaveAsync() => InvokeAsync(() => ShowChangeAsync(notice: null, fresh: true));

    private Task OnStancesChangedAsync(StanceChangeNotice notice) => InvokeAsync(() => ShowChangeAsync(notice, fresh: false));

    private async Task ShowChangeAsync(StanceChangeNotice? notice, bool fresh)
    {
        var (shown, before) = await LoadAsync(fresh);
        if (!shown)
        {
            return;
        }

        await OnPictureLoadedAsync(notice);
        RecentlyChanged = before is null ? new HashSet<StanceCell>() : Picture!.ChangedSince(before);
        RecentlyChangedCounts = before is null ? new HashSet<string>() : Picture!.CountsChangedSince(before);
        StateHasChanged();
        if (LiveChangeWording.Describe(RecentlyChanged.Where(Concerns).ToList(), Picture!) is { } words)
        {
            Announcements.Announce(words);
        }

        if (RecentlyChanged.Count > 0)
        {
            // Not awaited: the next notice for this page waits until this handler returns.
            _ = ClearHighlightLaterAsync();
        }
    }

    private bool Concerns(StanceCell cell) => LiveScope.Split(':') switch
    {
        ["member", var member] => cell.MemberAlpha3 == member,
        ["proposal", var proposal] => cell.ProposalSlug == proposal,
        _ => true,
    };

    private async Task ClearHighlightLaterAsync()
    {
        _highlight?.Cancel();
        _highlight?.Dispose();
        _highlight = new CancellationTokenSource();
        var token = _highlight.Token;
        try
        {
            await Task.Delay(HighlightFor, token);
            await InvokeAsync(() =>
            {
                RecentlyChanged = new HashSet<StanceCell>();
                RecentlyChangedCounts = new HashSet<string>();
                StateHasChanged();
            });
        }
        catch (OperationCanceledException)
        {
            // A newer change restarted the highlight, or the page went away.
        }
        catch (ObjectDisposedException)
        {
            // The circuit ended while waiting.
        }
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        if (_ownSaves is not null)
        {
            _ownSaves.Committed -= OnOwnSaveAsync;
        }

        _highlight?.Cancel();
        _highlight?.Dispose();
        GC.SuppressFinalize(this);
    }
}
