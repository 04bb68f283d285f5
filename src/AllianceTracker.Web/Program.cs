using AllianceTracker.Web.Features.CommandLine;
using AllianceTracker.Web.Features.Exchange;
using AllianceTracker.Web.Features.History;
using AllianceTracker.Web.Features.Live;
using AllianceTracker.Web.Features.NewsAssist;
using AllianceTracker.Web.Features.Positions;
using AllianceTracker.Web.Features.Proposals;
using AllianceTracker.Web.Features.Seeding;
using AllianceTracker.Web.Features.Snapshots;
using AllianceTracker.Web.Features.Sources;
using AllianceTracker.Web.Features.Stances;
using AllianceTracker.Web.Features.Summits;
using AllianceTracker.Web.Hosting;
using Serilog;

// Until the host's own logger is built, failures (bad config, a refused seed import) go to the console.
Log.Logger = new LoggerConfiguration().WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture).CreateLogger();

try
{
    // A command's words (users add --email …) are not the web host's configuration.
    var isCommandLine = AllianceCommandLine.IsCommandLine(args);
    var builder = WebApplication.CreateBuilder(isCommandLine ? [] : args);
    builder.AddAllianceLogging(logsToStandardError: isCommandLine);
    builder.AddAllianceTransport();
    builder.AddAllianceData();
    builder.AddAllianceAccess();
    builder.AddAllianceUi();
    builder.AddAllianceApi();
    builder.AddOpenReadAccess();
    builder.AddAllianceReading();
    builder.AddAllianceMetrics();
    builder.Services
        .AddLive(builder.Configuration)
        .AddHistory()
        .AddPositions()
        .AddStances()
        .AddSources()
        .AddProposals()
        .AddSummits()
        .AddSnapshots()
        .AddExchange()
        .AddNewsAssist(builder.Configuration)
        .AddSeeding();
    builder.AddAllianceKeysOnFirstUse();

    var app = builder.Build();
    if (isCommandLine)
    {
        return await AllianceCommandLine.RunAsync(app.Services, args, CommandConsole.System);
    }

    // Every middleware, in order: Hosting/Pipeline.cs.
    var databaseInitialized = app.UseAlliancePipeline();
    app.MapAllianceEndpoints();

    await app.RunAsync(databaseInitialized);
    return 0;
}
catch (Exception ex) when (ex is not HostAbortedException)
{
    Log.Fatal(ex, "AllianceTracker stopped");
    return 1;
}
finally
{
    await Log.CloseAndFlushAsync();
}

/// <summary>The entry point; public so that test hosts can start the real app.</summary>
public partial class Program;
