using System.Text;
using AllianceTracker.Web.Features.Exchange;

namespace AllianceTracker.Web.Features.CommandLine;

/// <summary>Where a command reads its input and writes its output: the process's console, or a test's strings.</summary>
public sealed record CommandConsole(TextReader In, TextWriter Out, TextWriter Error)
{
    public static CommandConsole System { get; } = new(Console.In, Console.Out, Console.Error);

    /// <summary>
    /// Writes an export to <paramref name="path"/> (relative to where the command was run, owner-only,
    /// never over an existing file without <paramref name="force"/>, never through a link), or to
    /// standard output when there is none.
    /// </summary>
    /// <exception cref="InvalidOperationException">The file is refused; nothing was written.</exception>
    public async Task WriteAsync(ExportFile file, string? path, bool force)
    {
        if (path is null)
        {
            await Out.WriteAsync(Encoding.UTF8.GetString(file.Content));
            return;
        }

        var target = Data.OutputFile.Resolve(path);
        await Data.OutputFile.WriteAsync(target, force, stream => stream.WriteAsync(file.Content).AsTask());
        await Out.WriteLineAsync($"Wrote {file.Content.Length} bytes to {target}.");
    }

    /// <summary>A secret typed at a terminal is not echoed; piped in, it is read as a line.</summary>
    public string? ReadSecret()
    {
        if (!ReferenceEquals(In, Console.In) || Console.IsInputRedirected)
        {
            return In.ReadLine();
        }

        var secret = new StringBuilder();
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
