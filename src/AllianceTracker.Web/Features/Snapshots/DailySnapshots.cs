using System.Globalization;
using System.Security.Claims;
using AllianceTracker.Web.Data;
using AllianceTracker.Web.Features.Accounts;
using AllianceTracker.Web.Features.History;
using Microsoft.EntityFrameworkCore;

namespace AllianceTracker.Web.Features.Snapshots;

/// <summary>
/// Freezes a snapshot of today's picture once a day at <c>Snapshots:DailyAtUtc</c> (author
/// "scheduled"), so every reader has a citation that never changes at <c>/snapshots/latest</c>
/// without an editor remembering to take one. A start after the time makes the day's at once; a
/// day that already has one gets no second. "off" (or empty) turns it off.
/// </summary>
public sealed partial class DailySnapshots(
    SnapshotService snapshots, IDbContextFactory<AllianceDbContext> dbFactory, StartupProgress startup, TimeProvider clock, IConfiguration configuration,
    ILogger<DailySnapshots> log)
    : BackgroundService
{
    public const string Setting = "Snapshots:DailyAtUtc";

    private static readonly ClaimsPrincipal Scheduler = new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, AuthorDirectory.ScheduledAuthor), new Claim(ClaimTypes.Role, Roles.Editor)], "scheduler"));

    /// <summary>The time of day the snapshot is frozen, or null when the setting is off; a value that is not a time stops the start.</summary>
    public static TimeOnly? ReadTime(IConfiguration configuration)
    {
        var value = configuration[Setting];
        if (string.IsNullOrWhiteSpace(value) || value.Equals("off", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return TimeOnly.TryParseExact(value, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time
            : throw new InvalidOperationException($"{Setting} is '{value}'; give a UTC time of day such as 00:05, or off.");
    }

    /// <summary>Freezes today's snapshot if its time has come and none was frozen today; returns it, or null.</summary>
    public async Task<SnapshotSummary?> FreezeIfDueAsync(TimeOnly at, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        if (TimeOnly.FromDateTime(now) < at)
        {
            return null;
        }

        if (await FrozenTodayAsync(today, cancellationToken))
        {
            return null;
        }

        var day = today.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
        var frozen = await snapshots.CreateDailyAsync(Scheduler, $"Daily snapshot, {day}",
            $"Frozen automatically at {at:HH:mm} UTC: the picture as recorded then, for citations that must not change.", today, cancellationToken);
        if (frozen is null)
        {
            // Another instance of the cluster froze today's after the check above: one a day, theirs.
            LogFrozenElsewhere(today);
            return null;
        }

        LogFrozen(frozen.Id, frozen.AsOf);
        return frozen;
    }

    /// <summary>A setting that is not a time stops the start here, named (ExecuteAsync runs after the start).</summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _at = ReadTime(configuration);
        return base.StartAsync(cancellationToken);
    }

    private TimeOnly? _at;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_at is not { } at)
        {
            return;
        }

        // Not before the database is migrated and seeded (a fresh start has no tables yet).
        try
        {
            await startup.Initialized.WaitAsync(stoppingToken);
        }
        catch (Exception) when (!stoppingToken.IsCancellationRequested)
        {
            return; // The start failed: the app is stopping and logs why.
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await FreezeIfDueAsync(at, stoppingToken);
            }
            catch (Exception problem) when (problem is not OperationCanceledException)
            {
                // A failed day (the database away) is tried again at the next wake, not the end of the service.
                LogFailed(problem);
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var due = DateOnly.FromDateTime(now).ToDateTime(at, DateTimeKind.Utc);
            var next = now < due ? due : due.AddDays(1);
            // Wake at the time, or within the hour to retry a failure.
            await Task.Delay(TimeSpan.FromTicks(Math.Min((next - now).Ticks, TimeSpan.FromHours(1).Ticks)) + TimeSpan.FromMilliseconds(50), clock, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Froze the daily snapshot {SnapshotId} of {Day}")]
    private partial void LogFrozen(string snapshotId, DateOnly day);

    [LoggerMessage(Level = LogLevel.Information, Message = "The daily snapshot of {Day} was frozen by another instance meanwhile")]
    private partial void LogFrozenElsewhere(DateOnly day);

    private async Task<bool> FrozenTodayAsync(DateOnly today, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Snapshots.AnyAsync(s => s.CreatedBy == AuthorDirectory.ScheduledAuthor && s.AsOf == today, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not freeze the daily snapshot; trying again later")]
    private partial void LogFailed(Exception problem);
}
