using System.Net;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Prometheus;

namespace AllianceTracker.Web.Hosting;

/// <summary>Who may read <c>/metrics</c> (section <c>Metrics</c>; docs/operations.md#metrics).</summary>
public sealed class MetricsOptions
{
    public const string Section = "Metrics";

    /// <summary>
    /// Networks besides loopback whose addresses may scrape, in CIDR (<c>10.0.0.0/8</c>). Everyone
    /// else gets 404: the figures say how busy the tracker is and when, which is not for the public.
    /// Behind nginx the address is the reader's own (forwarded headers), so a scrape through the
    /// public site is refused too.
    /// </summary>
    public string[] AllowedNetworks { get; set; } = [];
}

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

public static class MetricsSetup
{
    public static WebApplicationBuilder AddAllianceMetrics(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<MetricsOptions>().Bind(builder.Configuration.GetSection(MetricsOptions.Section));
        builder.Services.TryAddSingleton(_ => Metrics.NewCustomRegistry());
        builder.Services.AddSingleton<HostingMetrics>();
        builder.Services.AddSingleton<CircuitHandler, CircuitCounter>();
        return builder;
    }

    /// <summary>
    /// Not a middleware: process figures (CPU, memory, open handles, GC) in the app's own registry,
    /// and the features' figures made now, so every series is there (at 0) from the first scrape.
    /// </summary>
    public static WebApplication RegisterAllianceMetrics(this WebApplication app)
    {
        DotNetStats.Register(app.Services.GetRequiredService<CollectorRegistry>());
        _ = app.Services.GetRequiredService<HostingMetrics>();
        _ = app.Services.GetRequiredService<Features.Live.LiveMetrics>();
        _ = app.Services.GetRequiredService<Features.History.HistoryMetrics>();
        return app;
    }

    /// <summary><c>/metrics</c> answers loopback and <c>Metrics:AllowedNetworks</c> only; anyone else gets 404.</summary>
    public static WebApplication UseMetricsForOperatorsOnly(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<MetricsOptions>>().Value;
        var allowed = options.AllowedNetworks.Select(IPNetwork.Parse).ToList();
        app.UseWhen(context => context.Request.Path.Equals("/metrics", StringComparison.OrdinalIgnoreCase), metrics => metrics.Use(async (context, next) =>
        {
            // No address: a Unix socket (or an in-process test host), reachable from this machine only.
            var from = context.Connection.RemoteIpAddress;
            if (from is not null && !IPAddress.IsLoopback(from) && !allowed.Any(n => n.Contains(from.IsIPv4MappedToIPv6 ? from.MapToIPv4() : from)))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            await next(context);
        }));
        return app;
    }

    /// <summary>After routing: every request counted and timed, labelled by endpoint.</summary>
    public static WebApplication UseRequestMetrics(this WebApplication app)
    {
        var registry = app.Services.GetRequiredService<CollectorRegistry>();
        app.UseHttpMetrics(options => options.SetMetricFactory(Metrics.WithCustomRegistry(registry)));
        return app;
    }

    public static WebApplication MapAllianceMetrics(this WebApplication app)
    {
        app.MapMetrics("/metrics", app.Services.GetRequiredService<CollectorRegistry>()).AllowAnonymous();
        return app;
    }

    private sealed class CircuitCounter(HostingMetrics metrics) : CircuitHandler
    {
        public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            metrics.CircuitOpened();
            return Task.CompletedTask;
        }

        public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            metrics.CircuitClosed();
            return Task.CompletedTask;
        }
    }
}
