using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AllianceTracker.Tests.Support;

/// <summary>The built app as a process, as a person typing <c>dotnet run -- …</c> runs it, on a database of the test's choosing.</summary>
public static class AppProcess
{
    public static Task<(int Exit, string Output, string Error)> RunAsync(string databasePath, params string[] args) =>
        RunAsync(databasePath, new Dictionary<string, string>(), args);

    /// <summary>The app's process, not started: on <paramref name="databasePath"/>, at <paramref name="urls"/>, with more <paramref name="environment"/>.</summary>
    public static ProcessStartInfo StartInfo(string databasePath, IReadOnlyDictionary<string, string> environment, string urls, params string[] args)
    {
        var directory = Path.GetDirectoryName(databasePath)!;
        Directory.CreateDirectory(directory);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = directory };
        start.ArgumentList.Add(typeof(Program).Assembly.Location);
        args.ToList().ForEach(start.ArgumentList.Add);
        // Never the developer's database or a known port.
        start.Environment["Database__Path"] = databasePath;
        start.Environment["ASPNETCORE_URLS"] = urls;
        // The app's own settings (its console log says "Now listening" when a server starts).
        start.Environment["ASPNETCORE_CONTENTROOT"] = Path.GetDirectoryName(typeof(Program).Assembly.Location);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return start;
    }

    public static async Task<(int Exit, string Output, string Error)> RunAsync(string databasePath, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var process = Process.Start(StartInfo(databasePath, environment, "http://127.0.0.1:0", args))!;
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

    /// <summary>Waits until the app's <c>/healthz/ready</c> answers 200; fails if it exits first or takes over 60 s.</summary>
    public static Task WaitUntilReadyAsync(HttpClient client, Process app) => WaitUntilAnswersAsync(client, app, "healthz/ready", "ready");

    /// <summary>Waits until the app answers <c>/healthz</c> (listening, whether or not ready); fails if it exits first or takes over 60 s.</summary>
    public static Task WaitUntilListeningAsync(HttpClient client, Process app) => WaitUntilAnswersAsync(client, app, "healthz", "listening");

    private static async Task WaitUntilAnswersAsync(HttpClient client, Process app, string path, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(app.HasExited, "the app exited while starting");
            try
            {
                if ((await client.GetAsync(path)).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(50);
        }

        Assert.Fail($"the app was not {what} within 60 s");
    }

    /// <summary>A loopback port nobody listens on now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Signs in through the sign-in form, as a browser does; the client keeps the cookie.</summary>
    public static async Task SignInAsync(HttpClient client, string email, string password)
    {
        var form = await client.GetStringAsync("account/sign-in");
        var signedIn = await client.PostAsync("account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "sign-in", ["__RequestVerificationToken"] = TestAccounts.AntiforgeryToken(form), ["Input.Email"] = email, ["Input.Password"] = password,
        }));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
    }

    /// <summary>SIGTERM, as a supervisor or <c>systemctl stop</c> sends it.</summary>
    public static void Terminate(Process app)
    {
        using var kill = Process.Start("kill", ["-TERM", app.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }
}
