namespace AllianceTracker.Web.Features.Exchange;

public static class ExchangeServices
{
    /// <summary>Export documents of the picture, and the dataset import.</summary>
    public static IServiceCollection AddExchange(this IServiceCollection services) => services
        .AddSingleton<PictureDocuments>()
        .AddSingleton<TidyTableReader>()
        .AddSingleton<ImportPlanner>()
        .AddSingleton<DatasetImport>();
}
