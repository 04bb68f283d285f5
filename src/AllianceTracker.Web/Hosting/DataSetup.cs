using AllianceTracker.Web.Data;
using AllianceTracker.Web.Data.PostgreSql;
using AllianceTracker.Web.Features.Accounts;
using AllianceTracker.Web.Features.History;
using AllianceTracker.Web.Features.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace AllianceTracker.Web.Hosting;

public static partial class DataSetup
{
    public static WebApplicationBuilder AddAllianceData(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>().Bind(builder.Configuration.GetSection(DatabaseOptions.Section));
        builder.Services.AddSingleton(TimeProvider.System);

        // Options are read when the factory is first used, not here, so that test hosts can
        // point the app at their own database through configuration.
        builder.Services.AddSingleton(services =>
        {
            var file = new DatabaseFile(ResolveDatabasePath(services));
            file.EnsurePrivate();
            return file;
        });
        // A read-only failure clears SQLite's pool, so a fixed disk takes writes again at once.
        builder.Services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, SqliteReadOnlyRecovery>();
        builder.Services.AddDbContextFactory<AllianceDbContext>((services, options) =>
            // Default Timeout is the busy timeout: a write waits that long for another writer's
            // lock, then fails and is answered 503 (DatabaseFaults) instead of hanging for 30 s.
            options.UseSqlite($"Data Source={services.GetRequiredService<DatabaseFile>().Path};Default Timeout={DatabaseFaults.BusyTimeoutSeconds}")
                .AddInterceptors(services.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>()));
        builder.Services.AddDbContextFactory<PostgresAllianceDbContext>((services, options) =>
            options.UseNpgsql(DatabaseOptions.PostgreSqlConnectionString(services.GetRequiredService<IConfiguration>()))
                .AddInterceptors(services.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>()));

        // Interceptors registered as services join every context: the app's SqliteReadOnlyRecovery;
        // tests inject database faults at a chosen statement with one (the revocation tests).
        // Everything asks for IDbContextFactory<AllianceDbContext> (and Identity, Data Protection
        // and the health check for the context itself); which database answers is read from the
        // options when first asked, like the file's path, so test hosts can choose it. The cast below
        // makes IDbContextFactory<AllianceDbContext> the registered service type.
        var sqlite = builder.Services.Last(d => d.ServiceType == typeof(IDbContextFactory<AllianceDbContext>));
        builder.Services.Remove(sqlite);
        builder.Services.AddSingleton(services =>
            services.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider == DatabaseProvider.PostgreSQL
                ? new PostgresContextFactory(services.GetRequiredService<IDbContextFactory<PostgresAllianceDbContext>>())
                : (IDbContextFactory<AllianceDbContext>)ActivatorUtilities.CreateInstance(services, sqlite.ImplementationType!));
        builder.Services.RemoveAll<AllianceDbContext>();
        builder.Services.AddScoped(services => services.GetRequiredService<IDbContextFactory<AllianceDbContext>>().CreateDbContext());

        // /healthz/ready: the database answers and every migration is applied; the start-up's
        // initialization has finished; this instance hears every change; it is not stopping.
        builder.Services.AddSingleton<StartupProgress>();
        builder.Services.AddHealthChecks().AddCheck<ReadyToServe>("serving", tags: [ReadyTag]);
        return builder;
    }

    /// <summary>
    /// Ready for readers only when initialized, hearing every change (on PostgreSQL: listening), and
    /// not stopping; a balancer sends traffic elsewhere until then (docs/deployment.md).
    /// </summary>
    private sealed class ReadyToServe(
        StartupProgress progress, IStanceChangeNotifier notifier, IHostApplicationLifetime host, IDbContextFactory<AllianceDbContext> dbFactory)
        : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(
            HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            // In this order, and the database last: while starting, the answer comes at once rather
            // than after waiting for a lock the start-up may be holding.
            if (host.ApplicationStopping.IsCancellationRequested)
            {
                return HealthCheckResult.Unhealthy("stopping");
            }

            if (!progress.Initialized.IsCompletedSuccessfully)
            {
                return HealthCheckResult.Unhealthy("initializing the database");
            }

            if (!notifier.IsConnected)
            {
                return HealthCheckResult.Unhealthy("not hearing changes from the database");
            }

            try
            {
                await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
                return await db.Database.CanConnectAsync(cancellationToken) && !(await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any()
                    ? HealthCheckResult.Healthy()
                    : HealthCheckResult.Unhealthy("the database is unreachable or not migrated");
            }
            catch (Exception ex) when (DatabaseFaults.IsUnavailable(ex))
            {
                return HealthCheckResult.Unhealthy("the database is unavailable", ex);
            }
        }
    }

    private const string ReadyTag = "ready";

    /// <summary>
    /// <c>/healthz</c>: the process answers (no checks, for a liveness probe). <c>/healthz/ready</c>:
    /// the database is reachable and migrated (for a load balancer deciding whether to send traffic).
    /// </summary>
    public static WebApplication MapAllianceHealth(this WebApplication app)
    {
        app.MapHealthChecks("/healthz", new() { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/healthz/ready", new() { Predicate = check => check.Tags.Contains(ReadyTag) }).AllowAnonymous();
        return app;
    }

    /// <summary>
    /// Starts initializing the database (<see cref="InitializeDatabaseAsync"/>) while the web host
    /// starts, and holds every request until it is done. Side by side rather than one after the
    /// other, because start-up to the first byte is a budget and both are mostly first-call JIT
    /// and reflection on a two-core machine (docs/performance.md). Call it before any other Use… but
    /// the transport's (forwarded headers, security headers), which need no data.
    /// </summary>
    /// <returns>The initialization, for <see cref="RunAsync(WebApplication, Task)"/>.</returns>
    public static Task UseDatabaseInitialization(this WebApplication app)
    {
        // One app per SQLite file; a restore waits for it to stop. A database server takes many.
        if (app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider == DatabaseProvider.Sqlite)
        {
            app.Services.GetRequiredService<DatabaseFile>().HoldWhileServing();
        }
        var initialized = Task.Run(() => InitializeDatabaseAsync(app));
        app.Services.GetRequiredService<StartupProgress>().Initialized = initialized;
        // How long a request that arrives during start-up is held before it is answered 503 with
        // Retry-After: on its own, the app is ready within a second or two and a person's first
        // request just waits; behind a balancer (deploy/cluster.sh sets 0) a 503 at once sends the
        // reader to a ready instance (nginx: proxy_next_upstream http_503).
        var holdFor = app.Configuration.GetValue("Site:HoldRequestsWhileStarting", TimeSpan.FromSeconds(10));
        app.Use(async (context, next) =>
        {
            // Liveness answers at once (the process is alive: a supervisor must not restart it);
            // readiness is held like any request, so with a hold of 0 a balancer learns "not ready"
            // at once, and a script starting one app can wait on it.
            if (!initialized.IsCompletedSuccessfully && !context.Request.Path.Equals("/healthz", StringComparison.OrdinalIgnoreCase))
            {
                try
                {
                    await initialized.WaitAsync(holdFor, context.RequestAborted);
                }
                catch (Exception ex) when (initialized.IsFaulted || ex is TimeoutException)
                {
                    // Still starting, or failed (RunAsync logs it and stops the app): nothing is served.
                    context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                    context.Response.Headers.RetryAfter = "1";
                    return;
                }
            }

            await next(context);
        });
        return initialized;
    }

    /// <summary>Runs the app; if the database cannot be initialized, stops it and fails with the cause.</summary>
    public static async Task RunAsync(this WebApplication app, Task databaseInitialized)
    {
        await app.StartAsync();
        try
        {
            await databaseInitialized;
        }
        catch
        {
            await app.StopAsync();
            throw;
        }

        await app.WaitForShutdownAsync();
    }

    /// <summary>Migrates, creates the roles, imports the seed dataset and, in Development, the demo editor.</summary>
    private static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        if (!options.InitializeOnStartup)
        {
            return;
        }

        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("AllianceTracker.Database");
        await app.Services.MigrateAllianceDatabaseAsync();
        // Before any request: live streams' event ids go on from the database's version.
        await app.Services.GetRequiredService<IStanceChangeNotifier>().StartFromDatabaseAsync(CancellationToken.None);
        var accounts = app.Services.GetRequiredService<AccountAdministration>();
        var seedsPath = Path.Combine(AppContext.BaseDirectory, options.SeedsPath);
        // One writer after the other: side by side, the roles and the seeds contended for SQLite's
        // one write lock and a fresh clone's first start could fail with "database is locked"
        // (issue 29). Serial costs ~0.1 s of a start budgeted at 3 s (docs/performance.md).
        await accounts.EnsureRolesAsync();
        var report = await app.Services.GetRequiredService<SeedImporter>().ImportAsync(seedsPath);
        if (report.ChangedNothing)
        {
            Log.SeedsAlreadyImported(logger, seedsPath);
        }
        else
        {
            Log.SeedsImported(logger, seedsPath, report.MembersAdded, report.SourcesAdded, report.SummitsAdded, report.ProposalsAdded, report.StanceChangesAdded);
        }

        var access = app.Services.GetRequiredService<IOptions<AccessOptions>>().Value;
        if (app.Environment.IsDevelopment() && access.CreateDemoEditor && await accounts.CreateDemoEditorAsync() is { } password)
        {
            // Written to a file only its owner can read, never to the console or a log: in a container
            // the console is the log stream. The console says where the file is.
            var file = Path.Combine(Path.GetDirectoryName(app.Services.GetRequiredService<DatabaseFile>().Path)!, "demo-editor-password.txt");
            await using (var writer = new StreamWriter(DatabaseFile.CreateOwnerOnly(file, FileMode.Create)))
            {
                await writer.WriteLineAsync($"email:    {AccountAdministration.DemoEditorEmail}");
                await writer.WriteLineAsync($"password: {password}");
            }

            Log.DemoEditorCreated(logger, AccountAdministration.DemoEditorEmail, file);
        }
    }

    private static string ResolveDatabasePath(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var environment = services.GetRequiredService<IWebHostEnvironment>();
        return Path.GetFullPath(options.Path, environment.ContentRootPath);
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Seed dataset {SeedsPath} already imported; nothing to add")]
        public static partial void SeedsAlreadyImported(ILogger logger, string seedsPath);

        [LoggerMessage(Level = LogLevel.Information, Message = "Imported seed dataset {SeedsPath}: {MembersAdded} members, {SourcesAdded} sources, {SummitsAdded} summits, {ProposalsAdded} proposals, {StanceChangesAdded} stance changes")]
        public static partial void SeedsImported(ILogger logger, string seedsPath, int membersAdded, int sourcesAdded, int summitsAdded, int proposalsAdded, int stanceChangesAdded);

        [LoggerMessage(Level = LogLevel.Information, Message = "Demo editor {Email} created (Development only); its password is in {PasswordFile}, readable by you only")]
        public static partial void DemoEditorCreated(ILogger logger, string email, string passwordFile);
    }
}
