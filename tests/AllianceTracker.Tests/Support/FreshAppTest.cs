using AllianceTracker.Tests.Shared;

namespace AllianceTracker.Tests.Support;

/// <summary>
/// For tests that change data: a new app on a new database, seeded as on a fresh machine, for
/// every test (xunit makes a new instance of the class for each one). No test sees another's writes,
/// so none has to pick cells that others leave alone.
/// </summary>
public abstract class FreshAppTest<TApp> : IAsyncLifetime
    where TApp : AllianceAppFactory, new()
{
    protected TApp App { get; } = new();

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync() => await App.DisposeAsync();
}

/// <inheritdoc />
public abstract class FreshAppTest : FreshAppTest<AllianceAppFactory>;
