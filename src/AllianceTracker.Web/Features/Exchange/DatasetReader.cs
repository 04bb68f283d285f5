using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AllianceTracker.Web.Features.Exchange;

/// <summary>
/// Reads a dataset file in the export format (v1): size, UTF-8, nesting, JSON syntax and the
/// format's shape, each problem at its JSON path. What the values mean is the validator's job.
/// </summary>
public static class DatasetReader
{
    public const int MaxBytes = 1024 * 1024;
    private const int MaxDepth = 16;

    private static readonly JsonSerializerOptions Strict = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        AllowDuplicateProperties = false,
        MaxDepth = MaxDepth,
        // A number is a JSON number: "1949" in quotes is a mistake to name, not to guess at.
        NumberHandling = JsonNumberHandling.Strict,
    };

    /// <exception cref="ImportRefusedException">The file cannot be read as a dataset.</exception>
    public static ExportDocument Read(byte[] content)
    {
        if (content.Length == 0)
        {
            throw Refused("$", "the file is empty.");
        }

        if (content.Length > MaxBytes)
        {
            throw Refused("$", $"the file is larger than the limit of {MaxBytes / 1024 / 1024} MiB.");
        }

        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(content).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException ex)
        {
            throw Refused("$", $"the file is not UTF-8 text (invalid byte at offset {ex.Index}).");
        }

        ExportDocument? document;
        try
        {
            using (JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = MaxDepth }))
            {
                // Syntax and nesting are checked on their own first, so their messages are about the file, not the format.
            }

            document = JsonSerializer.Deserialize<ExportDocument>(text, Strict);
        }
        catch (JsonException ex)
        {
            throw Refused(ex.Path ?? "$", Describe(ex));
        }

        return document ?? throw Refused("$", "the file holds JSON null, not a dataset.");
    }

    // System.Text.Json speaks of .NET types; an editor needs to hear what is wrong with the file.
    private static string Describe(JsonException ex)
    {
        var message = ex.Message;
        var line = ex.LineNumber is { } l ? $" (line {l + 1})" : "";
        if (message.Contains("could not be converted", StringComparison.Ordinal))
        {
            return "the value has the wrong type here (a text, number, true/false, list or object was expected instead)" + line + ".";
        }

        if (message.Contains("missing required properties", StringComparison.Ordinal))
        {
            var names = message[(message.IndexOf("including:", StringComparison.Ordinal) + "including:".Length)..].Trim().TrimEnd('.');
            return $"a required property is missing: {names}{line}.";
        }

        if (message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            return $"unknown property{line}; the format has no such field.";
        }

        if (message.Contains("Duplicate property", StringComparison.Ordinal))
        {
            return $"duplicate property{line}: each field may appear once.";
        }

        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return $"the file is not valid JSON: {(cut > 0 ? message[..cut] : message).TrimEnd('.')}{line}.";
    }

    private static ImportRefusedException Refused(string path, string message) => new([new ImportProblem(path, message)]);
}
