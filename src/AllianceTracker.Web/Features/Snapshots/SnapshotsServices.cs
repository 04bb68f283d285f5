namespace AllianceTracker.Web.Features.Snapshots;

public static class SnapshotsServices
{
    public static IServiceCollection AddSnapshots(this IServiceCollection services) => services
        .AddSingleton<SnapshotService>()
        .AddSingleton<SnapshotComparison>()
        .AddSingleton<Exchange.ILatestSnapshot, LatestSnapshot>()
        .AddSingleton<DailySnapshots>()
        .AddHostedService(provider => provider.GetRequiredService<DailySnapshots>());
}
