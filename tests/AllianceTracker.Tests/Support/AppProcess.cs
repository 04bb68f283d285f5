using System.Diagnostics;

namespace AllianceTracker.Tests.Support;

/// <summary>The built app as a process, as a person typing <c>dotnet run -- …</c> runs it, on a database of the test's choosing.</summary>
public static class AppProcess
{
    public static async Task<(int Exit, string Output, string Error)> RunAsync(string databasePath, params string[] args)
    {
        var directory = Path.GetDirectoryName(databasePath)!;
        Directory.CreateDirectory(directory);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = directory };
        start.ArgumentList.Add(typeof(Program).Assembly.Location);
        args.ToList().ForEach(start.ArgumentList.Add);
        // Should a server start after all, it must not touch the developer's database or a known port.
        start.Environment["Database__Path"] = databasePath;
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        // The app's own settings (its console log says "Now listening" when a server starts).
        start.Environment["ASPNETCORE_CONTENTROOT"] = Path.GetDirectoryName(typeof(Program).Assembly.Location);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"dotnet {string.Join(' ', args)} was still running after 60 s: it started the web server. Output: {await output}");
        }

        return (process.ExitCode, await output, await error);
    }
}
