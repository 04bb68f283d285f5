namespace AllianceTracker.Web.Features.Stances;

public static class StancesServices
{
    public static IServiceCollection AddStances(this IServiceCollection services) => services
        .AddSingleton<StanceRecorder>()
        .AddScoped<StanceEditor>();
}
