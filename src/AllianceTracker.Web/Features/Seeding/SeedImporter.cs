using AllianceTracker.Web.Data;
using AllianceTracker.Web.Features.History;
using Microsoft.EntityFrameworkCore;

namespace AllianceTracker.Web.Features.Seeding;

/// <summary>
/// Imports the seed dataset (docs/data-format.md): read → validate → plan → apply. The whole
/// dataset is read and checked before anything is written; applying goes through the history's
/// one write path in one transaction, so a bad file leaves the database exactly as it was.
/// Entries already present are left alone, so importing again changes nothing.
/// </summary>
public sealed class SeedImporter(IDbContextFactory<AllianceDbContext> dbFactory, HistoryWriter writer, TimeProvider clock)
{
    public const string MembersFileName = "members.json";
    public const string SourcesFileName = "sources.json";
    public const string SummitsFileName = "summits.json";
    public const string StancesFileName = "stances.json";

    /// <summary>Recorded as the author of every stance change that comes from the seed files.</summary>
    public const string SeedAuthor = AuthorDirectory.SeedAuthor;

    /// <exception cref="SeedImportException">The files break a rule; each error names the file and the entry.</exception>
    public async Task<SeedImportReport> ImportAsync(string seedDirectory, CancellationToken cancellationToken = default)
    {
        var seeds = await SeedReader.ReadAsync(seedDirectory, cancellationToken);
        var aliases = await SeedAliases.ReadAsync(seedDirectory, cancellationToken);
        var errors = SeedValidator.Check(seeds, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        if (errors.Count > 0)
        {
            throw new SeedImportException(errors);
        }

        var plan = await SeedPlan.CreateAsync(dbFactory, seeds, cancellationToken);
        // Every record is checked (whether the member, proposal and source each stance names exist),
        // not only the entries this run adds: an edit to an entry imported before is an error too.
        var check = await writer.CheckAsync(plan.Everything, cancellationToken);
        if (check.Problems.Count > 0)
        {
            throw new SeedImportException(check.Problems.Select(p => plan.Describe(p)).ToList());
        }

        if (plan.Fresh.Changes.Count == 0 && check.MembersToAdd + check.SummitsToAdd + check.ProposalsToAdd + check.SourcesToAdd == 0)
        {
            // Already imported: the usual case at start-up, and no reason to open a write transaction.
            // A database seeded before aliases were kept gets them now, once.
            await writer.SeedAliasesAsync(SeedAuthor, aliases, cancellationToken);
            return new SeedImportReport(0, 0, 0, 0, 0);
        }

        try
        {
            var added = await writer.AppendAsync(plan.Fresh, cancellationToken);
            await writer.SeedAliasesAsync(SeedAuthor, aliases, cancellationToken);
            return new SeedImportReport(added.MembersAdded, added.SourcesAdded, added.SummitsAdded, added.ProposalsAdded, added.Recorded.Count);
        }
        catch (HistoryAppendRefusedException ex)
        {
            throw new SeedImportException(ex.Problems.Select(p => plan.Describe(p, inFresh: true)).ToList());
        }
    }
}
