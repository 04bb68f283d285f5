using Prometheus;

namespace AllianceTracker.Web.Hosting;

/// <summary>
/// What the host counts for <c>/metrics</c> besides the features' own (the live streams, the ledger):
/// open editor circuits, output-cache lookups and hits, and requests answered 503 because the
/// database was busy or unreachable.
/// </summary>
public sealed class HostingMetrics
{
    private readonly Gauge _circuits;
    private readonly Counter _cacheRequests;
    private readonly Counter _cacheHits;
    private readonly Counter _databaseUnavailable;

    public HostingMetrics(CollectorRegistry registry)
    {
        var metrics = Metrics.WithCustomRegistry(registry);
        _circuits = metrics.CreateGauge("alliance_circuits_open", "Interactive circuits (editors' and admins' open pages) this instance holds.");
        _cacheRequests = metrics.CreateCounter("alliance_output_cache_requests_total", "Anonymous reads that could be answered from the output cache.");
        _cacheHits = metrics.CreateCounter("alliance_output_cache_hits_total", "Anonymous reads answered from the output cache.");
        _databaseUnavailable = metrics.CreateCounter("alliance_database_unavailable_total", "Requests answered 503 because the database was busy (a lock not granted in 5 s) or unreachable.");
    }

    public void CircuitOpened() => _circuits.Inc();

    public void CircuitClosed() => _circuits.Dec();

    public void CacheLookup() => _cacheRequests.Inc();

    public void CacheHit() => _cacheHits.Inc();

    public void DatabaseUnavailable() => _databaseUnavailable.Inc();
}
