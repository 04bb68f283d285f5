using System.Text.Json;
using AllianceTracker.Web.Domain;
using AllianceTracker.Web.Features.Stances;
using Microsoft.EntityFrameworkCore;

namespace AllianceTracker.Web.Data.Seeding;

public sealed record SeedImportReport(int MembersAdded, int SourcesAdded, int SummitsAdded, int ProposalsAdded, int StanceChangesAdded)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public bool ChangedNothing => MembersAdded + SourcesAdded + SummitsAdded + ProposalsAdded + StanceChangesAdded == 0;
}

/// <summary>
/// Imports the seed dataset (docs/data-format.md). The whole dataset is read and validated before
/// anything is written, and the writes run in one transaction, so a bad file leaves the database
/// exactly as it was. Entries already present (by natural key) are left alone, so importing again
/// changes nothing.
/// </summary>
public sealed class SeedImporter(IDbContextFactory<AllianceDbContext> dbFactory, TimeProvider clock, IStanceChangeNotifier notifier)
{
    public const string MembersFileName = "members.json";
    public const string SourcesFileName = "sources.json";
    public const string SummitsFileName = "summits.json";
    public const string StancesFileName = "stances.json";

    /// <summary>Recorded as the author of every stance change that comes from the seed files.</summary>
    public const string SeedAuthor = "seed";

    private const int AllianceSize = 32;
    private const long MaxFileBytes = 1024 * 1024;

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        AllowDuplicateProperties = false,
        ReadCommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 16,
    };

    public async Task<SeedImportReport> ImportAsync(string seedDirectory, CancellationToken cancellationToken = default)
    {
        var errors = new List<string>();
        var members = await ReadAsync<MembersFile>(seedDirectory, MembersFileName, errors, cancellationToken);
        var sources = await ReadAsync<SourcesFile>(seedDirectory, SourcesFileName, errors, cancellationToken);
        var summits = await ReadAsync<SummitsFile>(seedDirectory, SummitsFileName, errors, cancellationToken);
        var stances = await ReadAsync<StancesFile>(seedDirectory, StancesFileName, errors, cancellationToken);
        if (members is null || sources is null || summits is null || stances is null)
        {
            throw new SeedImportException(errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var existing = await ExistingKeys.LoadAsync(db, cancellationToken);

        ValidateMembers(members, existing, errors);
        ValidateSources(sources, errors);
        ValidateSummits(summits, errors);
        ValidateStances(stances, members, sources, summits, existing, errors);
        if (errors.Count > 0)
        {
            throw new SeedImportException(errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var report = await WriteAsync(db, existing, members, sources, summits, stances, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (!report.ChangedNothing)
        {
            await notifier.PublishAsync(new StanceChangeNotice([], Origin: "seed import"));
        }

        return report;
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

    private static void ValidateMembers(MembersFile file, ExistingKeys existing, List<string> errors)
    {
        var seenAlpha3 = new HashSet<string>(StringComparer.Ordinal);
        var seenAlpha2 = new HashSet<string>(StringComparer.Ordinal);
        var seenNumeric = new HashSet<string>(StringComparer.Ordinal);
        var memberCount = existing.Members.Count;
        for (var i = 0; i < file.Members.Count; i++)
        {
            var m = file.Members[i];
            var entry = $"{MembersFileName}: members[{i}] ({m.Alpha3})";
            Require(CodePatterns.IsAlpha3(m.Alpha3), errors, $"{entry}: alpha3 must be three capital letters.");
            Require(CodePatterns.IsAlpha2(m.Alpha2), errors, $"{entry}: alpha2 must be two capital letters, not \"{m.Alpha2}\".");
            Require(CodePatterns.IsNumeric(m.Numeric), errors, $"{entry}: numeric must be three digits, not \"{m.Numeric}\".");
            Require(!string.IsNullOrWhiteSpace(m.Name), errors, $"{entry}: name is empty.");
            Require(!string.IsNullOrWhiteSpace(m.Subregion), errors, $"{entry}: subregion is empty.");
            Require(m.Joined is >= 1949 and <= 2100, errors, $"{entry}: joined must be a year from 1949, not {m.Joined}.");
            Require(seenAlpha2.Add(m.Alpha2), errors, $"{entry}: duplicate entry; alpha2 {m.Alpha2} is listed twice.");
            Require(seenNumeric.Add(m.Numeric), errors, $"{entry}: duplicate entry; numeric {m.Numeric} is listed twice.");
            if (!seenAlpha3.Add(m.Alpha3))
            {
                errors.Add($"{entry}: duplicate entry; alpha3 {m.Alpha3} is listed twice.");
            }
            else if (!existing.Members.Contains(m.Alpha3) && ++memberCount > AllianceSize)
            {
                errors.Add($"{entry}: NATO has {AllianceSize} members; this would be member {memberCount}.");
            }
        }
    }

    private static void ValidateSources(SourcesFile file, List<string> errors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < file.Sources.Count; i++)
        {
            var s = file.Sources[i];
            var entry = $"{SourcesFileName}: sources[{i}] ({s.Key})";
            Require(CodePatterns.IsSlug(s.Key), errors, $"{entry}: key must be lower-case words joined by hyphens.");
            Require(seen.Add(s.Key), errors, $"{entry}: duplicate entry; key {s.Key} is listed twice.");
            Require(!string.IsNullOrWhiteSpace(s.Title), errors, $"{entry}: title is empty.");
            Require(!string.IsNullOrWhiteSpace(s.Outlet), errors, $"{entry}: outlet is empty.");
            Require(SourceKindCodes.TryParse(s.Kind, out _), errors, $"{entry}: unknown kind \"{s.Kind}\"; expected one of {SourceKindCodes.CodeList}.");
            Require(s.Url is null || IsWebAddress(s.Url), errors, $"{entry}: url must be an absolute http or https address.");
        }
    }

    private static void ValidateSummits(SummitsFile file, List<string> errors)
    {
        var seenSummits = new HashSet<string>(StringComparer.Ordinal);
        var seenProposals = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < file.Summits.Count; i++)
        {
            var s = file.Summits[i];
            var entry = $"{SummitsFileName}: summits[{i}] ({s.Slug})";
            Require(CodePatterns.IsSlug(s.Slug), errors, $"{entry}: slug must be lower-case words joined by hyphens.");
            Require(seenSummits.Add(s.Slug), errors, $"{entry}: duplicate entry; summit {s.Slug} is listed twice.");
            Require(!string.IsNullOrWhiteSpace(s.Name), errors, $"{entry}: name is empty.");
            Require(!string.IsNullOrWhiteSpace(s.City), errors, $"{entry}: city is empty.");
            Require(s.StartsOn <= s.EndsOn, errors, $"{entry}: startsOn {s.StartsOn:yyyy-MM-dd} is after endsOn {s.EndsOn:yyyy-MM-dd}.");
            for (var j = 0; j < s.Proposals.Count; j++)
            {
                var p = s.Proposals[j];
                var proposalEntry = $"{SummitsFileName}: summits[{i}].proposals[{j}] ({p.Slug})";
                Require(CodePatterns.IsSlug(p.Slug), errors, $"{proposalEntry}: slug must be lower-case words joined by hyphens.");
                Require(seenProposals.Add(p.Slug), errors, $"{proposalEntry}: duplicate entry; proposal {p.Slug} is listed twice.");
                Require(!string.IsNullOrWhiteSpace(p.Title), errors, $"{proposalEntry}: title is empty.");
                Require(!string.IsNullOrWhiteSpace(p.Description), errors, $"{proposalEntry}: description is empty.");
                Require(!string.IsNullOrWhiteSpace(p.Proposer), errors, $"{proposalEntry}: proposer is empty.");
            }
        }
    }

    private void ValidateStances(
        StancesFile file, MembersFile members, SourcesFile sources, SummitsFile summits, ExistingKeys existing, List<string> errors)
    {
        var knownMembers = existing.Members.Union(members.Members.Select(m => m.Alpha3)).ToHashSet(StringComparer.Ordinal);
        var knownProposals = existing.Proposals.Keys.Union(summits.Summits.SelectMany(s => s.Proposals).Select(p => p.Slug)).ToHashSet(StringComparer.Ordinal);
        var knownSources = existing.Sources.Keys.Union(sources.Sources.Select(s => s.Key)).ToHashSet(StringComparer.Ordinal);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var seen = new HashSet<(string, string, DateOnly)>();

        for (var i = 0; i < file.Stances.Count; i++)
        {
            var s = file.Stances[i];
            var entry = $"{StancesFileName}: stances[{i}] ({s.Member} on {s.Proposal})";
            Require(knownMembers.Contains(s.Member), errors, $"{entry}: unknown member \"{s.Member}\"; use an alpha-3 code from {MembersFileName}.");
            Require(knownProposals.Contains(s.Proposal), errors, $"{entry}: unknown proposal \"{s.Proposal}\"; use a slug from {SummitsFileName}.");
            var stanceIsKnown = StanceVocabulary.TryParse(s.Stance, out var stance);
            Require(stanceIsKnown, errors, $"{entry}: unknown stance code \"{s.Stance}\"; expected one of {StanceVocabulary.CodeList}.");
            Report(stanceIsKnown ? StanceRules.CheckConditions(stance, s.Conditions) : null, errors, entry);
            Report(StanceRules.CheckEffectiveDate(s.EffectiveOn, today), errors, entry);
            Require(!string.IsNullOrWhiteSpace(s.Rationale), errors, $"{entry}: rationale is empty.");
            Require(seen.Add((s.Member, s.Proposal, s.EffectiveOn)), errors,
                $"{entry}: duplicate entry; {s.Member} on {s.Proposal} effective {s.EffectiveOn:yyyy-MM-dd} is listed twice.");
            Require(s.Evidence.Count > 0, errors, $"{entry}: a stance needs evidence; none is given.");
            for (var j = 0; j < s.Evidence.Count; j++)
            {
                var e = s.Evidence[j];
                var evidenceEntry = $"{entry}: evidence[{j}]";
                Require(!string.IsNullOrWhiteSpace(e.Source), errors, $"{evidenceEntry}: evidence without a source.");
                Require(string.IsNullOrWhiteSpace(e.Source) || knownSources.Contains(e.Source), errors,
                    $"{evidenceEntry}: unknown source \"{e.Source}\"; use a key from {SourcesFileName}.");
                Report(StanceRules.CheckExcerpt(e.Excerpt), errors, evidenceEntry);
            }
        }
    }

    private async Task<SeedImportReport> WriteAsync(
        AllianceDbContext db, ExistingKeys existing, MembersFile members, SourcesFile sources, SummitsFile summits, StancesFile stances,
        CancellationToken cancellationToken)
    {
        var newMembers = members.Members
            .Where(m => !existing.Members.Contains(m.Alpha3))
            .Select(m => new MemberState
            {
                Alpha3 = m.Alpha3,
                Alpha2 = m.Alpha2,
                NumericCode = m.Numeric,
                Name = m.Name,
                AccessionYear = m.Joined,
                Subregion = m.Subregion,
                IsEuMember = m.Eu,
                IsBucharestNine = m.B9,
            })
            .ToList();
        db.Members.AddRange(newMembers);

        var sourcesByKey = new Dictionary<string, Source>(StringComparer.Ordinal);
        foreach (var s in sources.Sources.Where(s => !existing.Sources.ContainsKey(s.Key)))
        {
            SourceKindCodes.TryParse(s.Kind, out var kind);
            var source = new Source
            {
                Key = s.Key,
                Title = s.Title,
                Outlet = s.Outlet,
                Url = s.Url,
                PublishedOn = s.Published,
                PublishedOnIsApproximate = s.PublishedApproximate,
                Kind = kind,
            };
            sourcesByKey[s.Key] = source;
            db.Sources.Add(source);
        }

        var summitsAdded = 0;
        var proposalsBySlug = new Dictionary<string, Proposal>(StringComparer.Ordinal);
        foreach (var s in summits.Summits)
        {
            var newProposals = s.Proposals
                .Where(p => !existing.Proposals.ContainsKey(p.Slug))
                .Select(p => new Proposal
                {
                    Slug = p.Slug,
                    Title = p.Title,
                    Description = p.Description,
                    Proposer = p.Proposer,
                    TabledOn = p.TabledOn,
                    TabledOnIsApproximate = p.TabledOnApproximate,
                    SummitId = existing.Summits.GetValueOrDefault(s.Slug),
                })
                .ToList();
            foreach (var proposal in newProposals)
            {
                proposalsBySlug[proposal.Slug] = proposal;
            }

            if (existing.Summits.ContainsKey(s.Slug))
            {
                db.Proposals.AddRange(newProposals);
                continue;
            }

            summitsAdded++;
            db.Summits.Add(new Summit
            {
                Slug = s.Slug,
                Name = s.Name,
                City = s.City,
                StartsOn = s.StartsOn,
                EndsOn = s.EndsOn,
                Proposals = newProposals,
            });
        }

        var recordedAt = clock.GetUtcNow().UtcDateTime;
        var stanceChangesAdded = 0;
        foreach (var s in stances.Stances)
        {
            StanceVocabulary.TryParse(s.Stance, out var stance);
            if (existing.SeededStances.Contains((s.Member, s.Proposal, s.EffectiveOn, stance)))
            {
                continue;
            }

            stanceChangesAdded++;
            db.StanceChanges.Add(new StanceChange
            {
                MemberAlpha3 = s.Member,
                ProposalId = existing.Proposals.GetValueOrDefault(s.Proposal),
                Proposal = existing.Proposals.ContainsKey(s.Proposal) ? null : proposalsBySlug[s.Proposal],
                Stance = stance,
                Conditions = string.IsNullOrWhiteSpace(s.Conditions) ? null : s.Conditions.Trim(),
                EffectiveOn = s.EffectiveOn,
                Rationale = s.Rationale.Trim(),
                RecordedAtUtc = recordedAt,
                RecordedBy = SeedAuthor,
                Evidence = s.Evidence
                    .Select(e => new StanceEvidence
                    {
                        SourceId = existing.Sources.GetValueOrDefault(e.Source),
                        Source = existing.Sources.ContainsKey(e.Source) ? null : sourcesByKey[e.Source],
                        Excerpt = e.Excerpt.Trim(),
                    })
                    .ToList(),
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        return new SeedImportReport(newMembers.Count, sourcesByKey.Count, summitsAdded, proposalsBySlug.Count, stanceChangesAdded);
    }

    private static void Require(bool condition, List<string> errors, string message)
    {
        if (!condition)
        {
            errors.Add(message);
        }
    }

    private static void Report(string? problem, List<string> errors, string entry)
    {
        if (problem is not null)
        {
            errors.Add($"{entry}: {problem}");
        }
    }

    private static bool IsWebAddress(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". Path:", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }





    /// <summary>The natural keys already in the database, so re-importing adds only what is new.</summary>
    private sealed record ExistingKeys(
        HashSet<string> Members,
        Dictionary<string, int> Sources,
        Dictionary<string, int> Summits,
        Dictionary<string, int> Proposals,
        HashSet<(string Member, string Proposal, DateOnly EffectiveOn, Stance Stance)> SeededStances)
    {
        public static async Task<ExistingKeys> LoadAsync(AllianceDbContext db, CancellationToken cancellationToken)
        {
            var members = await db.Members.AsNoTracking().Select(m => m.Alpha3).ToListAsync(cancellationToken);
            var sources = await db.Sources.AsNoTracking().ToDictionaryAsync(s => s.Key, s => s.Id, cancellationToken);
            var summits = await db.Summits.AsNoTracking().ToDictionaryAsync(s => s.Slug, s => s.Id, cancellationToken);
            var proposals = await db.Proposals.AsNoTracking().ToDictionaryAsync(p => p.Slug, p => p.Id, cancellationToken);
            var seeded = await db.StanceChanges.AsNoTracking()
                .Where(c => c.RecordedBy == SeedAuthor)
                .Select(c => new { c.MemberAlpha3, c.Proposal!.Slug, c.EffectiveOn, c.Stance })
                .ToListAsync(cancellationToken);
            return new ExistingKeys(
                members.ToHashSet(StringComparer.Ordinal),
                sources,
                summits,
                proposals,
                seeded.Select(s => (s.MemberAlpha3, s.Slug, s.EffectiveOn, s.Stance)).ToHashSet());
        }
    }
}
