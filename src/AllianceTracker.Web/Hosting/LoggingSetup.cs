using Serilog;

namespace AllianceTracker.Web.Hosting;

public static class LoggingSetup
{
    /// <summary>Serilog, configured from the "Serilog" section of appsettings.</summary>
    public static WebApplicationBuilder AddAllianceLogging(this WebApplicationBuilder builder)
    {
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext());
        return builder;
    }

    public static WebApplication UseAllianceRequestLogging(this WebApplication app)
    {
        app.UseSerilogRequestLogging(options =>
            options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms");
        return app;
    }
}
