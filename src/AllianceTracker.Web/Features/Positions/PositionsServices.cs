namespace AllianceTracker.Web.Features.Positions;

public static class PositionsServices
{
    /// <summary>The read model: pictures derived from the history, shared through one cache.</summary>
    public static IServiceCollection AddPositions(this IServiceCollection services) => services
        .AddSingleton<AlliancePictureReader>()
        .AddSingleton<AlliancePictureCache>();
}
