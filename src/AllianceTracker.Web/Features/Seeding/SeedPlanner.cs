using AllianceTracker.Web.Data;
using AllianceTracker.Web.Domain;
using AllianceTracker.Web.Features.History;
using Microsoft.EntityFrameworkCore;

namespace AllianceTracker.Web.Features.Seeding;

/// <summary>
/// The seed files as appends to the history. <see cref="Everything"/> holds every record, so the
/// write path can check all of them, imported before or not; <see cref="Fresh"/> holds only the
/// stance entries not yet imported from the seeds (the write path adds only the members, summits,
/// proposals and sources it does not have). So importing again changes nothing.
/// </summary>
internal sealed record SeedPlan(SeedDataset Seeds, HistoryAppend Everything, HistoryAppend Fresh, IReadOnlyList<int> StanceOfFreshChange)
{
    public static async Task<SeedPlan> CreateAsync(IDbContextFactory<AllianceDbContext> dbFactory, SeedDataset seeds, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var seeded = (await db.StanceChanges.AsNoTracking()
                .Where(c => c.RecordedBy == SeedImporter.SeedAuthor)
                .Select(c => new { c.MemberAlpha3, c.Proposal!.Slug, c.EffectiveOn, c.Stance })
                .ToListAsync(cancellationToken))
            .Select(c => (c.MemberAlpha3, c.Slug, c.EffectiveOn, c.Stance))
            .ToHashSet();
        var everything = new HistoryAppend(SeedImporter.SeedAuthor, seeds.Stances.Stances.Select(s => s.ToInput()).ToList())
        {
            Members = seeds.Members.Members.Select(m => m.ToInput()).ToList(),
            Sources = seeds.Sources.Sources.Select(s => s.ToInput()).ToList(),
            Summits = seeds.Summits.Summits.Select(s => s.ToInput()).ToList(),
            Proposals = seeds.Proposals.Select(p => p.Proposal.ToInput(p.Summit.Slug)).ToList(),
            ChecksVersions = false,
            Origin = EntryOrigin.Seed,
        };
        var fresh = Enumerable.Range(0, everything.Changes.Count)
            .Where(i => !seeded.Contains(Key(everything.Changes[i])))
            .ToList();
        return new SeedPlan(seeds, everything, everything with { Changes = fresh.Select(i => everything.Changes[i]).ToList() }, fresh);
    }

    /// <summary>A problem the write path found in <see cref="Everything"/> (or, <paramref name="inFresh"/>, in <see cref="Fresh"/>), named at its file and entry.</summary>
    public string Describe(AppendProblem problem, bool inFresh = false)
    {
        var entry = problem.Part switch
        {
            AppendPart.Members => SeedValidator.Entry(SeedImporter.MembersFileName, "members", problem.Index, Everything.Members[problem.Index].Alpha3),
            AppendPart.Sources => SeedValidator.Entry(SeedImporter.SourcesFileName, "sources", problem.Index, Everything.Sources[problem.Index].Key ?? ""),
            AppendPart.Summits => SeedValidator.Entry(SeedImporter.SummitsFileName, "summits", problem.Index, Everything.Summits[problem.Index].Slug),
            AppendPart.Proposals => $"{SeedImporter.SummitsFileName}: proposal {Everything.Proposals[problem.Index].Slug}",
            _ => StanceEntry(inFresh ? StanceOfFreshChange[problem.Index] : problem.Index),
        };
        return $"{entry}: {problem.Field}: {problem.Message}";
    }

    private string StanceEntry(int index) =>
        SeedValidator.Entry(SeedImporter.StancesFileName, "stances", index, Seeds.Stances.Stances[index].Label);

    private static (string, string, DateOnly, Stance) Key(StanceChangeInput change) =>
        (change.MemberAlpha3, change.ProposalSlug, change.EffectiveOn, change.Stance);
}
