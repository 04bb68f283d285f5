using AllianceTracker.Web.Components;
using AllianceTracker.Web.Components.Shell;
using AllianceTracker.Web.Features.Accounts;
using AllianceTracker.Web.Features.Charts;
using AllianceTracker.Web.Features.Embed;
using AllianceTracker.Web.Features.Exchange;
using AllianceTracker.Web.Features.Feeds;
using AllianceTracker.Web.Features.Live;
using AllianceTracker.Web.Features.NewsAssist;
using AllianceTracker.Web.Features.Positions;
using AllianceTracker.Web.Features.Previews;
using AllianceTracker.Web.Features.Proposals;
using AllianceTracker.Web.Features.Snapshots;
using AllianceTracker.Web.Features.Sources;
using AllianceTracker.Web.Features.Stances;
using AllianceTracker.Web.Features.Summits;
using MudBlazor.Services;

namespace AllianceTracker.Web.Hosting;

public static class UiSetup
{
    public static WebApplicationBuilder AddAllianceUi(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents()
            .AddInteractiveServerComponents(options => options.DetailedErrors = builder.Environment.IsDevelopment());
        builder.Services.AddMudServices();
        builder.Services.AddSingleton<ThemeStylesheets>();
        builder.Services.AddScoped<LiveAnnouncements>();
        builder.Services.AddScoped<OwnSaves>();
        builder.Services.AddProblemDetails();
        return builder;
    }

    /// <summary>An unhandled exception shows the error page (with a reference to the log), except in Development.</summary>
    public static WebApplication UseErrorPageOutsideDevelopment(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }

        return app;
    }

    /// <summary>Friendly pages are for people; API clients get their status codes (and problem bodies) untouched.</summary>
    public static WebApplication UseNoStatusPagesForApi(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/api") && context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } pages)
            {
                pages.Enabled = false;
            }

            return next(context);
        });
        return app;
    }

    public static WebApplication MapAllianceEndpoints(this WebApplication app)
    {
        app.MapStaticAssets().AllowAnonymous();
        app.MapAllianceHealth();
        app.MapAllianceMetrics();
        app.MapThemeSwitch();
        app.MapThemeStylesheets();
        app.MapAccountEndpoints();
        app.MapPositionsApi();
        app.MapReferenceApi();
        app.MapChangeFeed();
        app.MapChangeStream();
        app.MapEmbedCards();
        app.MapChartDownloads();
        app.MapPreviewImages();
        app.MapAllianceApiReference();
        app.MapStancesApi();
        app.MapStanceHistoryApi();
        app.MapProposalsApi();
        app.MapDecisionHistoryApi();
        app.MapSummitsApi();
        app.MapSourcesApi();
        app.MapSnapshotsApi();
        app.MapExportsApi();
        app.MapTidyTablesApi();
        app.MapImportApi();
        app.MapNewsAssistApi();
        // No compression on the circuit's WebSocket: compressed frames mixing what an editor types
        // with what the page shows are what BREACH-style attacks read secrets from.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(options => options.DisableWebSocketCompression = true);
        return app;
    }
}
