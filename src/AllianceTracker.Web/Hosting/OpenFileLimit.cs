using AllianceTracker.Web.Features.Live;
using Microsoft.Extensions.Options;

namespace AllianceTracker.Web.Hosting;

/// <summary>
/// Every open live stream is a socket, so a file descriptor. The .NET runtime raises the process's
/// soft open-file limit to the hard one as it starts; at start the app reads the result and refuses
/// to start — saying what to change — when it cannot hold the stream ceiling and room for everything
/// else: the alternative is finding out on a summit day, when accept() starts failing
/// (docs/operations.md).
/// </summary>
public sealed partial class OpenFileLimit(IOptions<LiveStreamOptions> live, ILogger<OpenFileLimit> logger) : IHostedService
{
    /// <summary>Descriptors beyond the streams: pages being served, the database, logs, the circuit sockets.</summary>
    public const int Headroom = 2_000;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!OperatingSystem.IsLinux())
        {
            return Task.CompletedTask;
        }

        var needed = (ulong)live.Value.StreamCeiling + Headroom;
        if (Read() is not var (soft, hard))
        {
            return Task.CompletedTask;
        }

        if (Problem(soft, hard, needed, live.Value.StreamCeiling) is { } problem)
        {
            throw new InvalidOperationException(problem);
        }

        Log.LimitHolds(logger, soft, live.Value.StreamCeiling, Headroom);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Why a soft limit of <paramref name="soft"/> cannot serve <paramref name="ceiling"/> streams, or null when it can.</summary>
    public static string? Problem(ulong soft, ulong hard, ulong needed, int ceiling) =>
        soft >= needed
            ? null
            : $"The open-file limit is {soft} (hard limit {hard}), but Live:StreamCeiling = {ceiling} needs about {needed} "
              + $"(a descriptor per live stream and {Headroom} more). Raise the limit (LimitNOFILE= in the systemd unit, "
              + "ulimit -n before starting, worker_rlimit_nofile for nginx), or lower Live:StreamCeiling.";

    /// <summary>The "Max open files" line of /proc/self/limits: soft and hard, "unlimited" as the largest number.</summary>
    public static (ulong Soft, ulong Hard)? Parse(string limits)
    {
        var line = limits.Split('\n').FirstOrDefault(l => l.StartsWith("Max open files", StringComparison.Ordinal));
        var words = line?["Max open files".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words is [var soft, var hard, ..] ? (Number(soft), Number(hard)) : null;

        static ulong Number(string word) => word == "unlimited" ? ulong.MaxValue : ulong.Parse(word, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static (ulong Soft, ulong Hard)? Read() =>
        File.Exists("/proc/self/limits") ? Parse(File.ReadAllText("/proc/self/limits")) : null;

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Open-file limit {Limit} holds the stream ceiling of {Ceiling} and {Headroom} more")]
        public static partial void LimitHolds(ILogger logger, ulong limit, int ceiling, int headroom);
    }
}
