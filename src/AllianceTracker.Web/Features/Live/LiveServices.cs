using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AllianceTracker.Web.Features.Live;

public static class LiveServices
{
    /// <summary>The live stream's limits, from the <c>Live</c> section (LiveStreamOptions).</summary>
    public static IServiceCollection AddLive(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<LiveStreamOptions>(configuration.GetSection(LiveStreamOptions.Section));
        services.AddSingleton<LiveStreamLimits>();
        // The app's one metrics registry (Hosting serves it at /metrics); whichever feature asks first makes it.
        services.TryAddSingleton(_ => Prometheus.Metrics.NewCustomRegistry());
        services.AddSingleton<LiveMetrics>();
        return services;
    }
}
