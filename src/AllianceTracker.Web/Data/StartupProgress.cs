namespace AllianceTracker.Web.Data;

/// <summary>
/// The start-up's database initialization (migrations, then seeds), for the readiness check, the
/// request gate and background work that must not touch the database before it is ready.
/// </summary>
public sealed class StartupProgress
{
    public Task Initialized { get; set; } = Task.CompletedTask;
}
