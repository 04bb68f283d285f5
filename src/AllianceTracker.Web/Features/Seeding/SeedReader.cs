using System.Text.Json;
using System.Text.Json.Serialization;

namespace AllianceTracker.Web.Features.Seeding;

/// <summary>Reads the four seed files strictly: a missing file, an unknown field or a wrong type is an error naming the file and the place.</summary>
internal static class SeedReader
{
    private const long MaxFileBytes = 1024 * 1024;

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        AllowDuplicateProperties = false,
        ReadCommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 16,
    };

    /// <exception cref="SeedImportException">A file is missing or cannot be read; every file is tried first.</exception>
    public static async Task<SeedDataset> ReadAsync(string directory, CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        var members = await ReadAsync<MembersFile>(directory, SeedImporter.MembersFileName, errors, cancellationToken);
        var sources = await ReadAsync<SourcesFile>(directory, SeedImporter.SourcesFileName, errors, cancellationToken);
        var summits = await ReadAsync<SummitsFile>(directory, SeedImporter.SummitsFileName, errors, cancellationToken);
        var stances = await ReadAsync<StancesFile>(directory, SeedImporter.StancesFileName, errors, cancellationToken);
        return members is null || sources is null || summits is null || stances is null
            ? throw new SeedImportException(errors)
            : new SeedDataset(members, sources, summits, stances);
    }

    private static async Task<T?> ReadAsync<T>(string directory, string fileName, List<string> errors, CancellationToken cancellationToken)
        where T : class
    {
        var path = Path.Combine(directory, fileName);
        if (!File.Exists(path))
        {
            errors.Add($"{fileName}: the file is missing from {directory}.");
            return null;
        }

        if (new FileInfo(path).Length > MaxFileBytes)
        {
            errors.Add($"{fileName}: the file is larger than {MaxFileBytes / 1024} KiB.");
            return null;
        }

        try
        {
            await using var stream = File.OpenRead(path);
            var content = await JsonSerializer.DeserializeAsync<T>(stream, JsonOptions, cancellationToken);
            if (content is null)
            {
                errors.Add($"{fileName}: the file holds JSON null instead of an object.");
            }

            return content;
        }
        catch (JsonException ex)
        {
            var where = ex.Path is null ? "" : $" at {ex.Path}";
            var line = ex.LineNumber is null ? "" : $" (line {ex.LineNumber + 1})";
            errors.Add($"{fileName}{where}{line}: {FirstSentence(ex.Message)}");
            return null;
        }
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". Path:", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }
}
