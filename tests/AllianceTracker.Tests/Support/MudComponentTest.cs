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
    protected MudComponentTest()
    {
        Context.JSInterop.Mode = JSRuntimeMode.Loose;
        Context.Services.AddMudServices();
    }

    protected BunitContext Context { get; } = new();

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync() => await Context.DisposeAsync();
}
