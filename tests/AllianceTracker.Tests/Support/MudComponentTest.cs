using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace AllianceTracker.Tests.Support;

/// <summary>
/// The one bUnit set-up for MudBlazor components: loose JS interop (Mud components call JS on
/// render) and the Mud services. MudBlazor's services are async-disposable only, so the context
/// is disposed from <see cref="IAsyncLifetime.DisposeAsync"/>.
/// </summary>
public abstract class MudComponentTest : IAsyncLifetime
{
    static MudComponentTest()
    {
        // bUnit waits at most a second by default; on a busy 2-core machine a render can take
        // longer. A ceiling, not a sleep: every wait ends as soon as its condition holds.
        BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(10);
    }

    protected MudComponentTest()
    {
        Context.JSInterop.Mode = JSRuntimeMode.Loose;
        Context.Services.AddMudServices();
        // Pages put their edit buttons through the circuit's one stance editor (Features/Stances).
        Context.Services.AddScoped<Web.Features.Stances.StanceEditor>();
        Context.Services.AddScoped<Web.Components.OwnSaves>();
        // Anonymous unless a test signs someone in: editor-only controls render nothing then.
        Authorization = Context.AddAuthorization();
    }

    protected BunitContext Context { get; } = new();

    protected Bunit.TestDoubles.BunitAuthorizationContext Authorization { get; }

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync() => await Context.DisposeAsync();
}
