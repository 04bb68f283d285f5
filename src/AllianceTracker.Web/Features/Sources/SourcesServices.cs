namespace AllianceTracker.Web.Features.Sources;

public static class SourcesServices
{
    public static IServiceCollection AddSources(this IServiceCollection services) => services
        .AddSingleton<SourceCatalog>()
        .AddSingleton<SourcesAdministration>();
}
