namespace AllianceTracker.Web.Features.Seeding;

public static class SeedingServices
{
    public static IServiceCollection AddSeeding(this IServiceCollection services) => services.AddSingleton<SeedImporter>();
}
