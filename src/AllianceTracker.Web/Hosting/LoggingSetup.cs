using Serilog;

namespace AllianceTracker.Web.Hosting;

public static class LoggingSetup
{
    /// <summary>Serilog, configured from the "Serilog" section of appsettings.</summary>
    public static WebApplicationBuilder AddAllianceLogging(this WebApplicationBuilder builder)
    {
        // preserveStaticLogger: each host keeps its own logger instead of replacing the process-wide
        // static one, so hosts built side by side (test servers) never write into each other's sinks.
        builder.Services.AddSerilog(
            (services, logger) => logger
                .ReadFrom.Configuration(builder.Configuration)
                .ReadFrom.Services(services)
                .Enrich.FromLogContext(),
            preserveStaticLogger: true);
        return builder;
    }

    public static WebApplication UseAllianceRequestLogging(this WebApplication app)
    {
        app.UseSerilogRequestLogging(options =>
        {
            options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms";
            options.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
        });
        return app;
    }
}
