using System.Diagnostics;
using AllianceTracker.Tests.Shared;
using Xunit.Abstractions;

namespace AllianceTracker.Tests.Deployment;

/// <summary>
/// The systemd units for a real host (deploy/systemd, docs/deployment.md) as systemd itself reads
/// them: <c>systemd-analyze verify</c> (which exits 0 even on warnings, so its output must be empty).
/// </summary>
public sealed class SystemdUnitTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_shipped_units_pass_systemd_analyze_verify_without_a_warning()
    {
        var said = await VerifyAsync(Path.Combine(RepositoryRoot.Path, "deploy", "systemd"));

        Assert.Equal("", said);
    }

    [Fact]
    public async Task A_unit_with_a_mistake_is_caught_by_the_same_check()
    {
        // The check can fail: the same units with a misspelt key in a copy.
        var copy = Path.Combine(Path.GetTempPath(), "alliance-tracker-tests", "systemd-" + Guid.NewGuid().ToString("N"));
        try
        {
            CopyFolder(Path.Combine(RepositoryRoot.Path, "deploy", "systemd"), copy);
            var unit = Path.Combine(copy, "alliancetracker@.service");
            await File.WriteAllTextAsync(unit, (await File.ReadAllTextAsync(unit)).Replace("RestartSec=", "RestartSecs=", StringComparison.Ordinal));

            var said = await VerifyAsync(copy);

            Assert.Contains("RestartSecs", said);
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    private async Task<string> VerifyAsync(string folder)
    {
        var start = new ProcessStartInfo("systemd-analyze") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "verify", "--man=no", "alliancetracker@5001.service", "alliancetracker.target" })
        {
            start.ArgumentList.Add(argument);
        }

        using var verify = Process.Start(start)!;
        var said = (await verify.StandardOutput.ReadToEndAsync() + await verify.StandardError.ReadToEndAsync()).Trim();
        await verify.WaitForExitAsync();
        output.WriteLine($"exit {verify.ExitCode}: {said}");
        Assert.Equal(0, verify.ExitCode);
        return said;
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var directory in Directory.GetDirectories(from, "*", SearchOption.AllDirectories).Prepend(from))
        {
            Directory.CreateDirectory(directory.Replace(from, to, StringComparison.Ordinal));
        }

        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, file.Replace(from, to, StringComparison.Ordinal));
        }
    }
}
