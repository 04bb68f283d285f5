using Prometheus;

namespace AllianceTracker.Web.Features.History;

/// <summary>
/// What the ledger counts for <c>/metrics</c> (docs/operations.md#metrics): every write by outcome
/// and how long it took. In the app's own registry, so test hosts do not share counts.
/// </summary>
public sealed partial class HistoryMetrics
{
    public const string Saved = "saved";
    public const string Refused = "refused";
    public const string Conflict = "conflict";
    public const string Failed = "failed";

    private readonly Counter _saves;
    private readonly Histogram _duration;

    public HistoryMetrics(CollectorRegistry registry, IStanceChangeNotifier notifier, ILogger<HistoryMetrics> logger)
    {
        var metrics = Metrics.WithCustomRegistry(registry);
        var connected = metrics.CreateGauge("alliance_change_listener_connected", "1 while this instance hears every committed change (PostgreSQL: its LISTEN connection is open; always 1 on SQLite).");
        var version = metrics.CreateGauge("alliance_data_version", "The data version this instance's readers are at.");
        var lag = metrics.CreateGauge("alliance_data_version_lag", "The database's data version minus this instance's: changes committed that its readers have not been told of.");
        registry.AddBeforeCollectCallback(async cancellationToken =>
        {
            connected.Set(notifier.IsConnected ? 1 : 0);
            var heard = notifier.Version;
            version.Set(heard);
            try
            {
                if (await notifier.ReadDatabaseVersionAsync(cancellationToken) is { } atDatabase)
                {
                    lag.Set(Math.Max(0, atDatabase - heard));
                }
            }
            catch (Exception ex) when (Data.DatabaseFaults.IsUnavailable(ex) || ex is InvalidOperationException or OperationCanceledException)
            {
                // The scrape still answers; the database's own alerts say why it could not be read.
                Log.DataVersionUnread(logger, ex);
            }
        });
        _saves = metrics.CreateCounter(
            "alliance_saves_total",
            "Writes to the history by outcome: saved, refused (a rule or nothing to change), conflict (a version moved), failed (the database or a bug).",
            new CounterConfiguration { LabelNames = ["outcome"] });
        // Every outcome from 0, so rate() sees the first one.
        foreach (var outcome in new[] { Saved, Refused, Conflict, Failed })
        {
            _saves.WithLabels(outcome);
        }

        // Finer around the 150 ms save budget (docs/performance.md), so its p95 is not a guess between 0.1 and 0.25.
        _duration = metrics.CreateHistogram(
            "alliance_save_duration_seconds",
            "How long a write to the history took, from opening its transaction to announcing it, whatever the outcome.",
            new HistogramConfiguration { Buckets = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.125, 0.15, 0.2, 0.3, 0.5, 1, 2.5, 5, 10] });
    }

    /// <summary>One write; one the caller gave up on (cancelled) counts as failed but not in the durations.</summary>
    public void Record(string outcome, TimeSpan took, bool cancelled)
    {
        _saves.WithLabels(outcome).Inc();
        if (!cancelled)
        {
            _duration.Observe(took.TotalSeconds);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Debug, Message = "Could not read the database's data version for /metrics")]
        public static partial void DataVersionUnread(ILogger logger, Exception exception);
    }
}
