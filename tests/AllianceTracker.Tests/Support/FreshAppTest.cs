using AllianceTracker.Tests.Shared;
using Xunit.Abstractions;

namespace AllianceTracker.Tests.Support;

/// <summary>
/// For tests that change data: a new app on a new database, seeded as on a fresh machine, for
/// every test (xunit makes a new instance of the class for each one). No test sees another's writes,
/// so none has to pick cells that others leave alone.
/// </summary>
/// <remarks>The app's log lines go to the test's output (<see cref="AllianceAppFactory.LogTo"/>).</remarks>
public abstract class FreshAppTest<TApp>(ITestOutputHelper output) : IAsyncLifetime
    where TApp : AllianceAppFactory, new()
{
    protected TApp App { get; } = (TApp)new TApp().LogTo(output);

    /// <summary>This test's output, where the app's log lines also go.</summary>
    protected ITestOutputHelper Output { get; } = output;

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync() => await App.DisposeAsync();
}

/// <inheritdoc />
public abstract class FreshAppTest(ITestOutputHelper output) : FreshAppTest<AllianceAppFactory>(output);
