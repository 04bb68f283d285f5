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

    [Inject]
    protected AlliancePictureCache Pictures { get; set; } = null!;

    [Inject]
    protected IStanceChangeNotifier Notifier { get; set; } = null!;

    [Inject]
    protected NavigationManager Navigation { get; set; } = null!;

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

    /// <summary>Set when <c>asOf</c> in the URL is not a date or is in the future; the page then shows today.</summary>
    protected string? AsOfProblem { get; private set; }

    protected IReadOnlySet<StanceCell> RecentlyChanged { get; private set; } = new HashSet<StanceCell>();

    protected bool WasChanged(string member, string proposal) => RecentlyChanged.Contains(new StanceCell(member, proposal));

    protected override void OnInitialized()
    {
        // Only a live circuit can be told about changes; the prerender pass has nobody to update.
        if (RendererInfo.IsInteractive)
        {
            _subscription = Notifier.Subscribe(OnStancesChangedAsync);
        }
    }

    protected override async Task OnParametersSetAsync()
    {
        (AsOfDate, AsOfProblem) = ParseAsOf(AsOfText, Pictures.Today);
        DataVersion = Notifier.Version;
        Picture = await Pictures.GetAsync(AsOfDate);
        await OnPictureLoadedAsync(notice: null);
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

        return date > today ? (null, $"{IsoDate.InTheFuture(date, today)} Showing today instead.") : (date, null);
    }

    private Task OnStancesChangedAsync(StanceChangeNotice notice) => InvokeAsync(async () =>
    {
        var before = Picture;
        DataVersion = Notifier.Version;
        Picture = await Pictures.GetAsync(AsOfDate);
        await OnPictureLoadedAsync(notice);
        RecentlyChanged = before is null ? new HashSet<StanceCell>() : Picture.ChangedSince(before);
        StateHasChanged();
        if (RecentlyChanged.Count > 0)
        {
            // Not awaited: the next notice for this page waits until this handler returns.
            _ = ClearHighlightLaterAsync();
        }
    });

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
        _highlight?.Cancel();
        _highlight?.Dispose();
        GC.SuppressFinalize(this);
    }
}
