using System.Text.Json;
using AllianceTracker.Web.Domain;

namespace AllianceTracker.Web.Features.Seeding;

/// <summary>
/// The first aliases of the seeded proposals (<c>seeds/proposal-aliases.json</c>), how news texts
/// name them for the news assist. A proposal gets them once, when it has never had an alias: from
/// then on editors keep the list on the proposal's page, and one they removed does not come back
/// at the next start.
/// </summary>
internal static class SeedAliases
{
    public const string FileName = "proposal-aliases.json";

    /// <summary>Reads and checks the file (none: no aliases), before anything is written.</summary>
    /// <exception cref="SeedImportException">The file is malformed or a phrase breaks the alias rules.</exception>
    public static async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> ReadAsync(string seedDirectory, CancellationToken cancellationToken)
    {
        var file = Path.Combine(seedDirectory, FileName);
        if (!File.Exists(file))
        {
            return new Dictionary<string, IReadOnlyList<string>>();
        }

        var errors = new List<string>();
        var checkedAliases = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var (slug, phrases) in Read(await File.ReadAllTextAsync(file, cancellationToken)))
        {
            var kept = new List<string>();
            foreach (var phrase in phrases)
            {
                if (ProposalAliasRules.Check(phrase, kept) is { } problem)
                {
                    errors.Add($"{FileName}: aliases.{slug}: \"{phrase}\": {problem}");
                    continue;
                }

                kept.Add(TextPolicy.Clean(phrase)!);
            }

            checkedAliases[slug] = kept;
        }

        return errors.Count > 0 ? throw new SeedImportException(errors) : checkedAliases;
    }

    private static Dictionary<string, string[]> Read(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.GetProperty("aliases").EnumerateObject()
                .ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(a => a.GetString() ?? "").ToArray());
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new SeedImportException([$"{FileName}: {ex.Message} It holds {{\"aliases\": {{\"<proposal slug>\": [\"phrase\", …]}}}}."]);
        }
    }
}
