using AllianceTracker.Tests.Shared;
using AllianceTracker.Web.Features.CommandLine;

namespace AllianceTracker.Tests.Support;

public static class CommandLineRuns
{
    /// <summary>Runs the app's command line against the test app's services, with <paramref name="input"/> as what is typed.</summary>
    public static async Task<(int Exit, string Output, string Error)> RunCommandAsync(this AllianceAppFactory app, string input, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await AllianceCommandLine.RunAsync(app.Services, args, new CommandConsole(new StringReader(input), output, error));
        return (exit, output.ToString(), error.ToString());
    }
}
