using System.Net;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Prometheus;

namespace AllianceTracker.Web.Hosting;

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
