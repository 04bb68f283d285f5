using System.Text.Json;
using AllianceTracker.Web.Data;
using AllianceTracker.Web.Domain;
using Microsoft.EntityFrameworkCore;

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

    /// <summary>Adds the aliases of every listed proposal that exists and never had one; returns how many.</summary>
    public static async Task<int> AddAsync(
        IDbContextFactory<AllianceDbContext> dbFactory, IReadOnlyDictionary<string, IReadOnlyList<string>> aliases, DateTime now, CancellationToken cancellationToken)
    {
        if (aliases.Count == 0)
        {
            return 0;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var slugs = aliases.Keys.ToList();
        var proposals = await db.Proposals.AsNoTracking()
            .Where(p => slugs.Contains(p.Slug) && !db.ProposalAliases.Any(a => a.ProposalId == p.Id))
            .Select(p => new { p.Id, p.Slug, p.Title })
            .ToListAsync(cancellationToken);
        var added = proposals
            .SelectMany(p => aliases[p.Slug]
                .Where(phrase => !string.Equals(phrase, p.Title, StringComparison.OrdinalIgnoreCase))
                .Select(phrase => new ProposalAlias { ProposalId = p.Id, Phrase = phrase, AddedAtUtc = now, AddedBy = SeedImporter.SeedAuthor }))
            .ToList();
        db.ProposalAliases.AddRange(added);
        await db.SaveChangesAsync(cancellationToken);
        return added.Count;
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
