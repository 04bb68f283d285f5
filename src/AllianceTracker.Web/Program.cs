using AllianceTracker.Web.Hosting;
using Serilog;

// Until the host's own logger is built, failures (bad config, a refused seed import) go to the console.
Log.Logger = new LoggerConfiguration().WriteTo.Console().CreateLogger();

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddAllianceLogging();
    builder.AddAllianceData();
    builder.AddAllianceAccess();
    builder.AddAllianceUi();
    builder.AddAllianceApi();

    var app = builder.Build();
    if (AdminCommands.IsCommand(args))
    {
        return await app.Services.RunAdminCommandAsync(args, Console.In, Console.Out, Console.Error);
    }

    app.UseAllianceErrorPages();
    app.UseAllianceRequestLogging();
    app.UseAllianceAccess();
    app.UseAllianceApiCaching();
    app.MapAllianceEndpoints();

    await app.InitializeDatabaseAsync();
    await app.RunAsync();
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
