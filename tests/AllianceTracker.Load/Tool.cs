using System.Diagnostics;

namespace AllianceTracker.Load;

/// <summary>The command-line tools the harness measures with (wrk, dotnet-gcdump): run to the end, output read.</summary>
public static class Tool
{
    /// <returns>What the tool wrote to standard output.</returns>
    /// <exception cref="InvalidOperationException">It exited with anything but 0; the message holds what it wrote.</exception>
    public static async Task<string> RunAsync(string fileName, params string[] args)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0
            ? await output
            : throw new InvalidOperationException($"{fileName} {string.Join(' ', args.Take(2))} exited {process.ExitCode}: {await errors}{await output}");
    }
}
