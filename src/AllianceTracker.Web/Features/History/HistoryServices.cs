namespace AllianceTracker.Web.Features.History;

public static class HistoryServices
{
    /// <summary>The history's one write path, its readers and the change notices (in-process: one app instance).</summary>
    public static IServiceCollection AddHistory(this IServiceCollection services) => services
        .AddSingleton<IStanceChangeNotifier, InProcessStanceChangeNotifier>()
        .AddSingleton<HistoryWriter>()
        .AddSingleton<StanceHistoryReader>()
        .AddSingleton<DecisionHistoryReader>()
        .AddSingleton<ProposalRevisionReader>()
        .AddSingleton<AuthorDirectory>();
}
