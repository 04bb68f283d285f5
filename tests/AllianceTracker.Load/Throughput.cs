using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace AllianceTracker.Load;

/// <summary>
/// Requests per second for one address under wrk (a C load generator: it costs the shared two
/// cores far less than a .NET client would, so the app gets most of the machine), asking as a
/// browser does for a compressed answer.
/// </summary>
public static partial class Throughput
{
    public const string AcceptEncoding = "br, gzip";

    public sealed record Result(string Path, bool Uncached, double PerSecond, int Bytes, int CompressedBytes, string Errors);

    /// <param name="app">The app.</param>
    /// <param name="path">What to ask for.</param>
    /// <param name="uncached">Whether to give every request a unique, ignored query parameter, making each an output-cache miss.</param>
    /// <param name="duration">How long wrk asks.</param>
    /// <param name="workFolder">Where the wrk script goes.</param>
    public static async Task<Result> MeasureAsync(Uri app, string path, bool uncached, TimeSpan duration, string workFolder)
    {
        var (bytes, compressed) = await SizesAsync(new Uri(app, path));
        var script = Path.Combine(workFolder, uncached ? "uncached.lua" : "cached.lua");
        var separator = path.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        // Each wrk thread has its own Lua state: setup numbers the threads, so run, thread and counter
        // make every address unique. The run token matters: counters restart with every wrk run,
        // and an address an earlier run asked for is in the output cache.
        var run = Guid.NewGuid().ToString("N")[..8];
        await File.WriteAllTextAsync(script, uncached
            ? $$"""
               wrk.headers["Accept-Encoding"] = "{{AcceptEncoding}}"
               local threads = 0
               function setup(thread) threads = threads + 1; thread:set("tid", threads) end
               local n = 0
               function request() n = n + 1; return wrk.format(nil, "/{{path}}{{separator}}load={{run}}-" .. tid .. "-" .. n) end
               """
            : $$"""
               wrk.headers["Accept-Encoding"] = "{{AcceptEncoding}}"
               """);
        var output = await Tool.RunAsync("wrk", ["--threads", "2", "--connections", "32", "--duration", $"{(int)duration.TotalSeconds}s", "--script", script, new Uri(app, path).ToString()]);
        var perSecond = double.Parse(RequestsPerSecond().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        var errors = string.Join("; ", Problems().Matches(output).Select(m => m.Value.Trim()));
        return new Result(path, uncached, perSecond, bytes, compressed, errors);
    }

    private static async Task<(int Bytes, int Compressed)> SizesAsync(Uri address)
    {
        using var plain = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None });
        var bytes = (await plain.GetByteArrayAsync(address)).Length;
        using var request = new HttpRequestMessage(HttpMethod.Get, address);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", AcceptEncoding);
        using var response = await plain.SendAsync(request);
        return (bytes, (await response.Content.ReadAsByteArrayAsync()).Length);
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();

    // wrk reports socket errors and non-2xx/3xx answers on lines of their own; none is expected.
    [GeneratedRegex(@"(Socket errors:[^\n]*|Non-2xx or 3xx responses:[^\n]*)")]
    private static partial Regex Problems();
}
