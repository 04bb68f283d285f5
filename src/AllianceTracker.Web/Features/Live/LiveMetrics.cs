using Prometheus;

namespace AllianceTracker.Web.Features.Live;

/// <summary>The live streams for <c>/metrics</c> (docs/operations.md#metrics): how many are open, refused, and what they were sent.</summary>
public sealed class LiveMetrics
{
    private readonly Counter _refused;
    private readonly Counter _events;
    private readonly Counter _resyncs;

    public LiveMetrics(CollectorRegistry registry, LiveStreamLimits limits)
    {
        var metrics = Metrics.WithCustomRegistry(registry);
        var open = metrics.CreateGauge("alliance_live_streams_open", "Live streams this instance holds open now.");
        var ceiling = metrics.CreateGauge("alliance_live_stream_ceiling", "Live streams this instance holds at most (Live:StreamCeiling); past it, 503.");
        registry.AddBeforeCollectCallback(() =>
        {
            open.Set(limits.Open);
            ceiling.Set(limits.Ceiling);
        });
        _refused = metrics.CreateCounter(
            "alliance_live_streams_refused_total",
            "Live streams refused with 503: reason client (one address holds Live:StreamsPerClient already) or full (the instance is at its ceiling).",
            new CounterConfiguration { LabelNames = ["reason"] });
        _refused.WithLabels("client");
        _refused.WithLabels("full");
        _events = metrics.CreateCounter("alliance_live_events_sent_total", "Change and resync events written to live streams (one per stream per change).");
        _resyncs = metrics.CreateCounter("alliance_live_resyncs_total", "Resync events written to live streams: each makes a reader read its whole page again.");
    }

    public void Refused(StreamRefusal refusal) => _refused.WithLabels(refusal == StreamRefusal.InstanceFull ? "full" : "client").Inc();

    public void Sent(bool resync)
    {
        _events.Inc();
        if (resync)
        {
            _resyncs.Inc();
        }
    }
}
