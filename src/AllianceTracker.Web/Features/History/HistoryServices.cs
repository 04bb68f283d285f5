using AllianceTracker.Web.Data;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AllianceTracker.Web.Features.History;

public static class HistoryServices
{
    /// <summary>
    /// The history's one write path, its readers and the change notices: numbered by the file and
    /// fanned out in-process on SQLite (one app instance), through the database on PostgreSQL (every
    /// instance hears every change). The provider is read when the notifier is first asked for, like
    /// the database's.
    /// </summary>
    public static IServiceCollection AddHistory(this IServiceCollection services) => services
        .AddSingleton<SqliteStanceChangeNotifier>()
        .AddSingleton<PostgresStanceChangeNotifier>()
        .AddSingleton<IStanceChangeNotifier>(provider => OnPostgreSql(provider)
            ? provider.GetRequiredService<PostgresStanceChangeNotifier>()
            : provider.GetRequiredService<SqliteStanceChangeNotifier>())
        .AddHostedService<ChangeListening>()
        .AddMetricsRegistry()
        .AddSingleton<HistoryMetrics>()
        .AddSingleton<HistoryLedger>()
        .AddSingleton<HistoryVersions>()
        .AddSingleton<HistoryWriter>()
        .AddSingleton<StanceHistoryReader>()
        .AddSingleton<DecisionHistoryReader>()
        .AddSingleton<ProposalRevisionReader>()
        .AddSingleton<LastRecordedChange>()
        .AddSingleton<AuthorDirectory>();

    // The app's one metrics registry (Hosting serves it at /metrics); whichever feature asks first makes it.
    private static IServiceCollection AddMetricsRegistry(this IServiceCollection services)
    {
        services.TryAddSingleton(_ => Prometheus.Metrics.NewCustomRegistry());
        return services;
    }

    private static bool OnPostgreSql(IServiceProvider provider) =>
        provider.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider == DatabaseProvider.PostgreSQL;

    /// <summary>On PostgreSQL, listens for every instance's changes while the app runs.</summary>
    private sealed class ChangeListening(IServiceProvider provider) : IHostedService
    {
        // Chosen when the host starts: by the time it stops, its services may be disposed.
        private PostgresStanceChangeNotifier? _listener;

        public Task StartAsync(CancellationToken cancellationToken)
        {
            _listener = OnPostgreSql(provider) ? provider.GetRequiredService<PostgresStanceChangeNotifier>() : null;
            return _listener?.StartAsync(cancellationToken) ?? Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => _listener?.StopAsync(cancellationToken) ?? Task.CompletedTask;
    }
}
