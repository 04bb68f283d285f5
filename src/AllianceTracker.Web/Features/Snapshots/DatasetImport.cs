using System.Security.Claims;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using AllianceTracker.Web.Data;
using AllianceTracker.Web.Domain;
using AllianceTracker.Web.Features.Accounts;
using AllianceTracker.Web.Features.Stances;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace AllianceTracker.Web.Features.Snapshots;

public sealed record ImportProblem(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}

/// <summary>What an import would do (or did): the diff against the current picture and what it adds.</summary>
public sealed record ImportPlan(
    ExportDocument Document, SnapshotDiff Diff, int MembersAdded, int SummitsAdded, int ProposalsAdded, int SourcesAdded, int StanceChanges,
    IReadOnlyList<string> Notes);

public sealed class ImportRefusedException(IReadOnlyList<ImportProblem> problems)
    : Exception("The import was refused; nothing was changed: " + string.Join(" ", problems))
{
    public IReadOnlyList<ImportProblem> Problems { get; } = problems;
}

/// <summary>
/// Imports a dataset in the export format (v1). The file is checked in full first — size, UTF-8,
/// nesting, JSON syntax, the schema, codes and references — and every problem names its JSON path.
/// Applying is one transaction: all or nothing. Only admins may import.
/// </summary>
public sealed class DatasetImport(
    IDbContextFactory<AllianceDbContext> dbFactory,
    PictureDocuments documents,
    TimeProvider clock,
    IStanceChangeNotifier notifier,
    IAuthorizationService authorization)
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
    };

    public async Task<ImportPlan> PreviewAsync(ClaimsPrincipal user, byte[] content, CancellationToken cancellationToken = default)
    {
        await authorization.DemandAsync(user, Policies.CanAdminister);
        var document = Read(content, Today);
        return await PlanAsync(document, cancellationToken);
    }

    public async Task<ImportPlan> ApplyAsync(ClaimsPrincipal user, byte[] content, CancellationToken cancellationToken = default)
    {
        await authorization.DemandAsync(user, Policies.CanAdminister);
        return await ApplyTrustedAsync(content, $"import:{user.AuthorName()}", cancellationToken);
    }

    /// <summary>For the command line, which runs with the operator's own rights.</summary>
    public async Task<ImportPlan> ApplyTrustedAsync(byte[] content, string author, CancellationToken cancellationToken = default)
    {
        var document = Read(content, Today);
        var plan = await PlanAsync(document, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var members = await db.Members.Select(m => m.Alpha3).ToListAsync(cancellationToken);
        foreach (var m in document.Members.Where(m => !members.Contains(m.Alpha3)))
        {
            db.Members.Add(new MemberState
            {
                Alpha3 = m.Alpha3, Alpha2 = m.Alpha2, NumericCode = m.Numeric, Name = m.Name, AccessionYear = m.Joined,
                Subregion = m.Subregion, IsEuMember = m.Eu, IsBucharestNine = m.B9,
            });
        }

        var summits = await db.Summits.ToDictionaryAsync(s => s.Slug, cancellationToken);
        foreach (var s in document.Summits.Where(s => !summits.ContainsKey(s.Slug)))
        {
            summits[s.Slug] = new Summit { Slug = s.Slug, Name = s.Name, City = s.City, StartsOn = IsoDate.Parse(s.StartsOn), EndsOn = IsoDate.Parse(s.EndsOn) };
            db.Summits.Add(summits[s.Slug]);
        }

        var proposals = await db.Proposals.ToDictionaryAsync(p => p.Slug, cancellationToken);
        foreach (var p in document.Proposals.Where(p => !proposals.ContainsKey(p.Slug)))
        {
            proposals[p.Slug] = new Proposal
            {
                Slug = p.Slug, Summit = summits[p.Summit], Title = p.Title, Description = p.Description, Proposer = p.Proposer,
                TabledOn = IsoDate.Parse(p.TabledOn), TabledOnIsApproximate = p.TabledOnApproximate,
            };
            db.Proposals.Add(proposals[p.Slug]);
        }

        var sources = await db.Sources.ToDictionaryAsync(s => s.Key, cancellationToken);
        foreach (var s in document.Sources.Where(s => !sources.ContainsKey(s.Key)))
        {
            SourceKindCodes.TryParse(s.Kind, out var kind);
            sources[s.Key] = new Source
            {
                Key = s.Key, Title = s.Title, Outlet = s.Outlet, Url = s.Url, Kind = kind, PublishedOnIsApproximate = s.PublishedApproximate,
                PublishedOn = IsoDate.ParseOrNull(s.Published),
            };
            db.Sources.Add(sources[s.Key]);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var change in plan.Diff.Cells.Where(c => c.To != "unknown"))
        {
            var position = document.Positions.Single(p => p.Member == change.Member && p.Proposal == change.Proposal);
            StanceVocabulary.TryParse(position.Stance, out var stance);
            db.StanceChanges.Add(new StanceChange
            {
                MemberAlpha3 = position.Member,
                Proposal = proposals[position.Proposal],
                Stance = stance,
                Conditions = position.Conditions,
                EffectiveOn = IsoDate.Parse(position.EffectiveDate!),
                Rationale = position.Rationale!,
                RecordedAtUtc = now,
                RecordedBy = author,
                Evidence = position.Evidence.Select(e => new StanceEvidence { Source = sources[e.Source], Excerpt = e.Excerpt }).ToList(),
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await notifier.PublishAsync(new StanceChangeNotice([], Origin: author));
        return plan;
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private async Task<ImportPlan> PlanAsync(ExportDocument document, CancellationToken cancellationToken)
    {
        var current = await documents.CurrentAsync(IsoDate.Parse(document.AsOf), cancellationToken: cancellationToken);
        var diff = SnapshotDiff.Between(current, document, $"now (as of {document.AsOf})", "the imported dataset");
        var notes = new List<string>();
        foreach (var cleared in diff.Cells.Where(c => c.To == "unknown"))
        {
            notes.Add($"{cleared.MemberName} on {cleared.Proposal} is unknown in the file but recorded here; an import never erases a stance — retract it instead.");
        }

        foreach (var decided in document.Proposals.Where(p => p.Outcome != "pending"))
        {
            notes.Add($"The outcome of {decided.Slug} ({decided.Outcome}) is not imported: the format does not carry its source. Record it on the proposal page.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var members = await db.Members.Select(m => m.Alpha3).ToListAsync(cancellationToken);
        var summits = await db.Summits.Select(s => s.Slug).ToListAsync(cancellationToken);
        var proposals = await db.Proposals.Select(p => p.Slug).ToListAsync(cancellationToken);
        var sources = await db.Sources.Select(s => s.Key).ToListAsync(cancellationToken);
        var problems = new List<ImportProblem>();
        if (members.Union(document.Members.Select(m => m.Alpha3)).Count() > 32)
        {
            problems.Add(new("$.members", "with the members already here this would make more than 32; NATO has 32."));
        }

        if (problems.Count > 0)
        {
            throw new ImportRefusedException(problems);
        }

        return new ImportPlan(
            document, diff,
            document.Members.Count(m => !members.Contains(m.Alpha3)),
            document.Summits.Count(s => !summits.Contains(s.Slug)),
            document.Proposals.Count(p => !proposals.Contains(p.Slug)),
            document.Sources.Count(s => !sources.Contains(s.Key)),
            diff.Cells.Count(c => c.To != "unknown"),
            notes);
    }

    /// <summary>Reads and checks the whole file; throws with every problem found, each at its JSON path.</summary>
    public static ExportDocument Read(byte[] content, DateOnly today)
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

        if (document is null)
        {
            throw Refused("$", "the file holds JSON null, not a dataset.");
        }

        var problems = Check(document, today);
        return problems.Count > 0 ? throw new ImportRefusedException(problems) : document;
    }

    private static List<ImportProblem> Check(ExportDocument d, DateOnly today)
    {
        var problems = new List<ImportProblem>();
        void Problem(string path, string message) => problems.Add(new ImportProblem(path, message));
        DateOnly? Date(string? value, string path, bool required = true)
        {
            if (value is null)
            {
                if (required)
                {
                    Problem(path, "a date is required.");
                }

                return null;
            }

            if (!IsoDate.TryParse(value, out var date))
            {
                Problem(path, $"'{value}' is not a date (YYYY-MM-DD).");
                return null;
            }

            return date;
        }

        if (d.Format != ExportDocument.FormatName)
        {
            Problem("$.format", $"expected '{ExportDocument.FormatName}', found '{d.Format}'.");
        }

        if (d.Version != ExportDocument.CurrentVersion)
        {
            Problem("$.version", $"this server reads version {ExportDocument.CurrentVersion}, the file is version {d.Version}.");
        }

        var asOf = Date(d.AsOf, "$.asOf");
        if (asOf > today)
        {
            Problem("$.asOf", "the date is in the future.");
        }

        if (d.Members.Count > 32)
        {
            Problem($"$.members[32]", $"NATO has 32 members; the file lists {d.Members.Count}.");
        }

        Unique(d.Members.Select(m => m.Alpha3), "$.members", "alpha3", Problem);
        Unique(d.Members.Select(m => m.Alpha2), "$.members", "alpha2", Problem);
        Unique(d.Members.Select(m => m.Numeric), "$.members", "numeric", Problem);
        for (var i = 0; i < d.Members.Count; i++)
        {
            var m = d.Members[i];
            if (!CodePatterns.IsAlpha3(m.Alpha3)) Problem($"$.members[{i}].alpha3", $"'{m.Alpha3}' is not three capital letters.");
            if (!CodePatterns.IsAlpha2(m.Alpha2)) Problem($"$.members[{i}].alpha2", $"'{m.Alpha2}' is not two capital letters.");
            if (!CodePatterns.IsNumeric(m.Numeric)) Problem($"$.members[{i}].numeric", $"'{m.Numeric}' is not three digits.");
            if (string.IsNullOrWhiteSpace(m.Name)) Problem($"$.members[{i}].name", "the name is empty.");
            if (m.Joined < 1949 || m.Joined > today.Year) Problem($"$.members[{i}].joined", $"{m.Joined} is not a year a member could have joined.");
        }

        Unique(d.Summits.Select(s => s.Slug), "$.summits", "slug", Problem);
        for (var i = 0; i < d.Summits.Count; i++)
        {
            var s = d.Summits[i];
            if (!CodePatterns.IsSlug(s.Slug)) Problem($"$.summits[{i}].slug", $"'{s.Slug}' is not a slug.");
            var starts = Date(s.StartsOn, $"$.summits[{i}].startsOn");
            var ends = Date(s.EndsOn, $"$.summits[{i}].endsOn");
            if (starts > ends) Problem($"$.summits[{i}].endsOn", "the summit ends before it starts.");
        }

        var summitSlugs = d.Summits.Select(s => s.Slug).ToHashSet();
        Unique(d.Proposals.Select(p => p.Slug), "$.proposals", "slug", Problem);
        for (var i = 0; i < d.Proposals.Count; i++)
        {
            var p = d.Proposals[i];
            if (!CodePatterns.IsSlug(p.Slug)) Problem($"$.proposals[{i}].slug", $"'{p.Slug}' is not a slug.");
            if (!summitSlugs.Contains(p.Summit)) Problem($"$.proposals[{i}].summit", $"no summit '{p.Summit}' in $.summits.");
            if (string.IsNullOrWhiteSpace(p.Title)) Problem($"$.proposals[{i}].title", "the title is empty.");
            Date(p.TabledOn, $"$.proposals[{i}].tabledOn");
            if (p.Outcome is not ("pending" or "adopted" or "dropped")) Problem($"$.proposals[{i}].outcome", $"'{p.Outcome}' is not pending, adopted or dropped.");
            Date(p.DecidedOn, $"$.proposals[{i}].decidedOn", required: false);
        }

        Unique(d.Sources.Select(s => s.Key), "$.sources", "key", Problem);
        for (var i = 0; i < d.Sources.Count; i++)
        {
            var s = d.Sources[i];
            if (!CodePatterns.IsSlug(s.Key)) Problem($"$.sources[{i}].key", $"'{s.Key}' is not a slug.");
            if (SourceRules.CheckUrl(s.Url) is { } url) Problem($"$.sources[{i}].url", url);
            if (!SourceKindCodes.TryParse(s.Kind, out _)) Problem($"$.sources[{i}].kind", $"unknown kind '{s.Kind}'; use one of {SourceKindCodes.CodeList}.");
            Date(s.Published, $"$.sources[{i}].published", required: false);
        }

        var members = d.Members.Select(m => m.Alpha3).ToHashSet();
        var proposals = d.Proposals.Select(p => p.Slug).ToHashSet();
        var sources = d.Sources.Select(s => s.Key).ToHashSet();
        var cells = new HashSet<(string, string)>();
        for (var i = 0; i < d.Positions.Count; i++)
        {
            var p = d.Positions[i];
            var path = $"$.positions[{i}]";
            if (!members.Contains(p.Member)) Problem($"{path}.member", $"no member '{p.Member}' in $.members.");
            if (!proposals.Contains(p.Proposal)) Problem($"{path}.proposal", $"no proposal '{p.Proposal}' in $.proposals.");
            if (!cells.Add((p.Member, p.Proposal))) Problem(path, $"{p.Member} on {p.Proposal} is listed twice.");
            if (!StanceVocabulary.TryParse(p.Stance, out var stance))
            {
                Problem($"{path}.stance", $"unknown stance code '{p.Stance}'; use one of {StanceVocabulary.CodeList}.");
                continue;
            }

            if (StanceRules.CheckConditions(stance, p.Conditions) is { } conditions) Problem($"{path}.conditions", conditions);
            if (stance == Stance.Unknown)
            {
                continue;
            }

            if (Date(p.EffectiveDate, $"{path}.effectiveDate") is { } effective && effective > asOf)
            {
                Problem($"{path}.effectiveDate", "the stance takes effect after the dataset's asOf date.");
            }

            if (string.IsNullOrWhiteSpace(p.Rationale)) Problem($"{path}.rationale", "a recorded stance needs its rationale.");
            if (p.Evidence.Count == 0) Problem($"{path}.evidence", "a recorded stance needs evidence.");
            for (var j = 0; j < p.Evidence.Count; j++)
            {
                if (!sources.Contains(p.Evidence[j].Source)) Problem($"{path}.evidence[{j}].source", $"no source '{p.Evidence[j].Source}' in $.sources.");
                if (StanceRules.CheckExcerpt(p.Evidence[j].Excerpt) is { } excerpt) Problem($"{path}.evidence[{j}].excerpt", excerpt);
            }
        }

        for (var i = 0; i < d.Consensus.Count; i++)
        {
            if (!proposals.Contains(d.Consensus[i].Proposal)) Problem($"$.consensus[{i}].proposal", $"no proposal '{d.Consensus[i].Proposal}' in $.proposals.");
            if (d.Consensus[i].Status is not ("blocked" or "open" or "consensus")) Problem($"$.consensus[{i}].status", $"'{d.Consensus[i].Status}' is not blocked, open or consensus.");
        }

        return problems;
    }

    private static void Unique(IEnumerable<string> values, string path, string field, Action<string, string> problem)
    {
        var seen = new HashSet<string>();
        var index = 0;
        foreach (var value in values)
        {
            if (!seen.Add(value))
            {
                problem($"{path}[{index}].{field}", $"'{value}' appears twice.");
            }

            index++;
        }
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
