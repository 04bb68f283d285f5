using AllianceTracker.Web.Features.Exchange;

namespace AllianceTracker.Web.Features.CommandLine;

/// <summary>Where a command reads its input and writes its output: the process's console, or a test's strings.</summary>
public sealed record CommandConsole(TextReader In, TextWriter Out, TextWriter Error)
{
    public static CommandConsole System { get; } = new(Console.In, Console.Out, Console.Error);

    /// <summary>Writes an export to <paramref name="path"/>, or to standard output when there is none.</summary>
    public async Task WriteAsync(ExportFile file, FileInfo? path)
    {
        if (path is null)
        {
            await Out.WriteAsync(global::System.Text.Encoding.UTF8.GetString(file.Content));
            return;
        }

        await File.WriteAllBytesAsync(path.FullName, file.Content);
        await Out.WriteLineAsync($"Wrote {file.Content.Length} bytes to {path}.");
    }

    /// <summary>A secret typed at a terminal is not echoed; piped in, it is read as a line.</summary>
    public string? ReadSecret()
    {
        if (!ReferenceEquals(In, Console.In) || Console.IsInputRedirected)
        {
            return In.ReadLine();
        }

        var secret = new global::System.Text.StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                return secret.ToString();
            }

            if (key.Key == ConsoleKey.Backspace && secret.Length > 0)
            {
                secret.Length--;
            }
            else if (!char.IsControl(key.KeyChar))
            {
                secret.Append(key.KeyChar);
            }
        }
    }
}
