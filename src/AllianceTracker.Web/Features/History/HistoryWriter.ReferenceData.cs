using AllianceTracker.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace AllianceTracker.Web.Features.History;

/// <summary>The write path's part for what the entries refer to: proposals' text revisions and sources.</summary>
public sealed partial class HistoryWriter
{
    /// <summary>
    /// Appends a revision of a proposal's texts: a correction for every date, or a change in force
    /// from a date. Views of a date read the revision in force then; the proposal's row takes the
    /// one in force today.
    /// </summary>
    /// <exception cref="EditValidationException">A rule is broken; nothing was written.</exception>
    /// <exception cref="VersionConflictException"><paramref name="expectedVersion"/> is not the proposal's version any more; nothing was written.</exception>
    public async Task<ProposalRevision> ReviseProposalAsync(string author, string proposalSlug, ProposalTextsInput input, Guid? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        ProposalRevision revision;
        StanceChangeNotice notice;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var proposal = await db.Proposals.SingleOrDefaultAsync(p => p.Slug == proposalSlug, cancellationToken);
            var problems = new FieldProblems();
            problems.Add("proposal", proposal is null ? $"There is no proposal '{proposalSlug}'." : null);
            problems.Add(ProposalRules.CheckTexts(input));
            DateOnly? inForceFrom = IsoDate.TryParse(input.InForceFrom, out var from) ? from : null;
            problems.Add("inForceFrom", inForceFrom > Today ? $"{inForceFrom.Value.ToIso()} is in the future; record a change once it is made." : null);
            problems.ThrowIfAny();

            revision = new ProposalRevision
            {
                ProposalId = proposal!.Id,
                Title = input.Title.Trim(),
                Description = input.Description.Trim(),
                Proposer = input.Proposer.Trim(),
                InForceFrom = inForceFrom,
                Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim(),
                RecordedAtUtc = clock.GetUtcNow().UtcDateTime,
                RecordedBy = author,
            };
            db.ProposalRevisions.Add(revision);
            var inForceToday = ProposalRevision.InForceOn(
                [.. await db.ProposalRevisions.AsNoTracking().Where(r => r.ProposalId == proposal.Id).ToListAsync(cancellationToken), revision], Today)!;
            proposal.Title = inForceToday.Title;
            proposal.Description = inForceToday.Description;
            proposal.Proposer = inForceToday.Proposer;
            proposal.Version = NextVersion("proposal", proposalSlug, proposal.Version, expectedVersion);
            notice = await AnnounceInAsync(db, [], author, cancellationToken);
            await SaveVersionedAsync(db, "proposal", proposalSlug, () => ProposalVersionAsync(proposalSlug, cancellationToken), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await notifier.PublishAsync(notice);
        return revision;
    }

    /// <summary>A proposal's version as saved now (what a refused write is told).</summary>
    public async Task<Guid> ProposalVersionAsync(string slug, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Proposals.Where(p => p.Slug == slug).Select(p => p.Version).SingleAsync(cancellationToken);
    }

    /// <summary>A source's version as saved now.</summary>
    public async Task<Guid> SourceVersionAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Sources.Where(s => s.Key == key).Select(s => s.Version).SingleAsync(cancellationToken);
    }

    /// <summary>
    /// Adds a summit, and announces it like every other write: the cached pictures and the open
    /// pages list summits, so one saved without a notice stayed invisible until the next change.
    /// </summary>
    /// <exception cref="EditValidationException">A rule is broken; nothing was written.</exception>
    public async Task AddSummitAsync(string author, SummitInput input, CancellationToken cancellationToken = default)
    {
        StanceChangeNotice notice;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var problems = new FieldProblems();
            problems.Add(SummitRules.Check(input));
            problems.Add("slug", await db.Summits.AnyAsync(s => s.Slug == input.Slug, cancellationToken) ? $"A summit '{input.Slug}' exists already." : null);
            problems.ThrowIfAny();

            db.Summits.Add(input.ToSummit());
            notice = await AnnounceInAsync(db, [], author, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await notifier.PublishAsync(notice);
    }

    /// <summary>Adds a source on its own (to cite later), with a key made from its outlet and date.</summary>
    /// <exception cref="EditValidationException">A rule is broken; nothing was written.</exception>
    public async Task<Source> AddSourceAsync(string author, SourceInput input, CancellationToken cancellationToken = default)
    {
        var problems = new FieldProblems();
        problems.Add(SourceRules.Check(input, Today));
        problems.ThrowIfAny();
        var source = input.ToSource(SourceKeys.New(input));
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            db.Sources.Add(source);
            await db.SaveChangesAsync(cancellationToken);
        }

        await AnnounceAsync([], author);
        return source;
    }

    /// <summary>
    /// Corrects a source's details (its key stays), keeping what they were, why and who in the
    /// source's corrections. Every quote from it reads the corrected details from then on.
    /// </summary>
    /// <exception cref="EditValidationException">A rule is broken; nothing was written.</exception>
    /// <exception cref="VersionConflictException"><paramref name="expectedVersion"/> is not the source's version any more; nothing was written.</exception>
    public async Task<Source> CorrectSourceAsync(string author, string key, SourceInput input, string reason, Guid? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        Source source;
        StanceChangeNotice notice;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var found = await db.Sources.SingleOrDefaultAsync(s => s.Key == key, cancellationToken);
            var problems = new FieldProblems();
            problems.Add("source", found is null ? $"There is no source with the key '{key}'." : null);
            problems.Add(SourceRules.Check(input with { Key = null }, Today));
            problems.Add("reason", string.IsNullOrWhiteSpace(reason) ? "Say what was wrong, for the record." : null);
            problems.ThrowIfAny();

            source = found!;
            db.SourceCorrections.Add(new SourceCorrection
            {
                SourceId = source.Id,
                Before = Describe(source),
                Reason = reason.Trim(),
                RecordedAtUtc = clock.GetUtcNow().UtcDateTime,
                RecordedBy = author,
            });
            var corrected = input.ToSource(key);
            (source.Title, source.Outlet, source.Url, source.PublishedOn, source.PublishedOnIsApproximate, source.Kind) =
                (corrected.Title, corrected.Outlet, corrected.Url, corrected.PublishedOn, corrected.PublishedOnIsApproximate, corrected.Kind);
            source.Version = NextVersion("source", key, source.Version, expectedVersion);
            notice = await AnnounceInAsync(db, [], author, cancellationToken);
            await SaveVersionedAsync(db, "source", key, () => SourceVersionAsync(key, cancellationToken), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await notifier.PublishAsync(notice);
        return source;

        static string Describe(Source s) =>
            string.Join(" · ", new[]
            {
                s.Title, s.Outlet, s.PublishedOn is { } on ? $"{(s.PublishedOnIsApproximate ? "c. " : "")}{on.ToIso()}" : "undated",
                SourceKindCodes.ToCode(s.Kind), s.Url ?? "no URL",
            });
    }
}
