namespace AllianceTracker.Web.Features.Live;

public static class LiveServices
{
    /// <summary>The live stream's limits, from the <c>Live</c> section (LiveStreamOptions).</summary>
    public static IServiceCollection AddLive(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<LiveStreamOptions>(configuration.GetSection(LiveStreamOptions.Section));
        services.AddSingleton<LiveStreamLimits>();
        return services;
    }
}
