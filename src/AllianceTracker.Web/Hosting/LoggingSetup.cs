using Serilog;

namespace AllianceTracker.Web.Hosting;

public static class LoggingSetup
{
    private const string ConsoleTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj} {Properties:j}{NewLine}{Exception}";

    /// <summary>
    /// Serilog: levels, enrichers and any further sinks from the "Serilog" section of appsettings,
    /// and the console. For the command line (<paramref name="logsToStandardError"/>) every log line
    /// goes to standard error, so what a command writes to standard output (an export) stays clean.
    /// </summary>
    public static WebApplicationBuilder AddAllianceLogging(this WebApplicationBuilder builder, bool logsToStandardError = false)
    {
        // preserveStaticLogger: each host keeps its own logger instead of replacing the process-wide
        // static one, so hosts built side by side (test servers) never write into each other's sinks.
        builder.Services.AddSerilog(
            (services, logger) => logger
                .ReadFrom.Configuration(builder.Configuration)
                .ReadFrom.Services(services)
                .Enrich.FromLogContext()
                .WriteTo.Console(outputTemplate: ConsoleTemplate, formatProvider: System.Globalization.CultureInfo.InvariantCulture,
                    standardErrorFromLevel: logsToStandardError ? Serilog.Events.LogEventLevel.Verbose : null),
            preserveStaticLogger: true);
        return builder;
    }

    public static WebApplication UseAllianceRequestLogging(this WebApplication app)
    {
        app.UseSerilogRequestLogging(options =>
        {
            options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms";
            // Who asked, for an operator reading the log: the client's address (the proxy's
            // X-Forwarded-For when the proxy is trusted) and the signed-in login, if any.
            options.EnrichDiagnosticContext = (diagnostics, context) =>
            {
                diagnostics.Set("ClientAddress", context.Connection.RemoteIpAddress?.ToString());
                diagnostics.Set("UserName", context.User.Identity?.IsAuthenticated == true ? context.User.Identity.Name : null);
            };
            options.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
        });
        return app;
    }
}
