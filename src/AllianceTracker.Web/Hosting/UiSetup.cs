using AllianceTracker.Web.Components;
using AllianceTracker.Web.Features.Positions;
using MudBlazor.Services;

namespace AllianceTracker.Web.Hosting;

public static class UiSetup
{
    public static WebApplicationBuilder AddAllianceUi(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents()
            .AddInteractiveServerComponents(options => options.DetailedErrors = builder.Environment.IsDevelopment())
            // The prerendered picture is handed to the circuit as persisted state, which the browser
            // sends back when the circuit starts (about 50 KB for 32 members x 3 proposals); SignalR's
            // default 32 KB limit would drop the circuit (docs/decisions/0003).
            .AddHubOptions(options => options.MaximumReceiveMessageSize = 512 * 1024);
        builder.Services.AddMudServices();
        builder.Services.AddProblemDetails();
        return builder;
    }

    public static WebApplication UseAllianceErrorPages(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
            app.UseHsts();
        }

        app.UseStatusCodePagesWithReExecute("/not-found");
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapAllianceEndpoints(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapPositionsApi();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
