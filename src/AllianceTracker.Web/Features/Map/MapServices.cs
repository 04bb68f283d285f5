namespace AllianceTracker.Web.Features.Map;

public static class MapServices
{
    /// <summary>The embedded map geometry, loaded once.</summary>
    public static IServiceCollection AddStanceMap(this IServiceCollection services) => services.AddSingleton(_ => StanceMapGeometry.Load());
}
