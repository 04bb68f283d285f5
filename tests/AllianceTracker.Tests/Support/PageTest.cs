using AllianceTracker.Tests.Shared;
using AllianceTracker.Web.Domain;
using AllianceTracker.Web.Features.History;
using AllianceTracker.Web.Features.Positions;
using AllianceTracker.Web.Features.Sources;
using AllianceTracker.Web.Features.Stances;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace AllianceTracker.Tests.Support;

/// <summary>
/// bUnit tests of whole pages: the app's real read services over a seeded temporary database,
/// with a renderer that says it is interactive (pages only subscribe to live changes then).
/// </summary>
public abstract class PageTest : MudComponentTest
{
    protected static readonly FixedClock Clock = FixedClock.On(2026, 11, 28);

    protected TestDatabase Database { get; private set; } = null!;

    protected InProcessStanceChangeNotifier Notifier { get; } = new(NullLogger<InProcessStanceChangeNotifier>.Instance);

    protected StanceRecorder Recorder => TestEditors.Recorder(Database, Clock, Notifier);

    public override async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(seeded: true, Clock);
        // The app's own registrations of the features pages use, over this test's database, clock and notifier.
        Context.Services.AddHistory().AddPositions().AddStances().AddSources();
        Context.Services.AddSingleton<IDbContextFactory<Web.Data.AllianceDbContext>>(Database);
        Context.Services.AddSingleton<TimeProvider>(Clock);
        Context.Services.AddSingleton<IStanceChangeNotifier>(Notifier);
        Context.Services.AddScoped<Web.Components.LiveAnnouncements>();
        Context.Services.AddSingleton(new Web.Api.PublicAddress(null));
        ConfigureServices();
        // Last: setting the renderer builds the service provider, after which nothing can be added.
        Context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    /// <summary>Add or replace services before the provider is built (e.g. authorization).</summary>
    protected virtual void ConfigureServices()
    {
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
    }

    protected async Task RecordAsync(string member, string proposal, Stance stance, DateOnly effectiveOn, string? conditions = null)
    {
        var cell = await Recorder.GetCellAsync(member, proposal);
        await Recorder.RecordAsync(TestEditors.Editor(), new StanceChangeInput(
            member, proposal, stance, conditions, effectiveOn, "Test rationale.",
            [new EvidenceInput("icaro-2024-04-stoltenberg-ukraine-fund", "A test excerpt.")], cell.Version));
    }
}
