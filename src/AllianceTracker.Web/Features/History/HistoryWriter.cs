using AllianceTracker.Web.Data;
using AllianceTracker.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace AllianceTracker.Web.Features.History;

/// <summary>
/// The one write path into the stance history, whoever writes: an editor's save or retraction,
/// the seed import, a dataset import. It checks the append with the domain's rules, writes the
/// entries, what they need and a new version of every cell they touch in one transaction, and
/// announces the change once, after the commit. Authorization is the caller's: this service
/// trusts the author it is given.
/// </summary>
public sealed class HistoryWriter(
    IDbContextFactory<AllianceDbContext> dbFactory,
    TimeProvider clock,
    IStanceChangeNotifier notifier,
    StanceHistoryReader history)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>Judges the append as <see cref="AppendAsync"/> would, and writes nothing.</summary>
    public async Task<AppendCheck> CheckAsync(HistoryAppend append, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return (await AppendResolution.ResolveAsync(db, append, Today, cancellationToken)).Check;
    }

    /// <exception cref="HistoryAppendRefusedException">A rule is broken; nothing was written.</exception>
    /// <exception cref="StanceConflictException">A cell moved on since the editor saw it; nothing was written.</exception>
    public async Task<AppendSummary> AppendAsync(HistoryAppend append, CancellationToken cancellationToken = default)
    {
        AppendSummary summary;
        StanceCell? conflict;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var resolution = await AppendResolution.ResolveAsync(db, append, Today, cancellationToken);
            if (resolution.Problems.Count > 0)
            {
                throw new HistoryAppendRefusedException(resolution.Problems);
            }

            // Saved first so that new proposals have ids for their cells' versions.
            var recordedAt = clock.GetUtcNow().UtcDateTime;
            resolution.AddReferenceData(db, append.Author, recordedAt);
            await db.SaveChangesAsync(cancellationToken);

            var cells = append.Changes
                .Select(c => new CellKey(c.MemberAlpha3, resolution.ProposalOf(c).Id, c.ProposalSlug, c.ExpectedVersion))
                .ToList();
            var entries = append.Changes.Select(c => resolution.ToEntry(c, append.Author, recordedAt)).ToList();
            db.StanceChanges.AddRange(entries);
            var (versions, moved) = await MoveVersionsAsync(db, cells, append.ChecksVersions, cancellationToken);
            conflict = moved ? await SaveAsync(db, transaction, cells.FirstOrDefault()?.Cell, cancellationToken) : versions.Conflict;

            var check = resolution.Check;
            summary = new AppendSummary(
                check.MembersToAdd, check.SummitsToAdd, check.ProposalsToAdd, check.SourcesToAdd,
                conflict is null ? entries.Select((e, i) => new RecordedStance(e, versions.New[cells[i].Cell])).ToList() : []);
        }

        if (conflict is { } cell)
        {
            throw await ConflictAsync(cell, cancellationToken);
        }

        if (!summary.ChangedNothing)
        {
            // New members or proposals change the shape of every picture, not just some cells.
            var reshaped = summary.MembersAdded + summary.SummitsAdded + summary.ProposalsAdded > 0;
            await AnnounceAsync(reshaped ? [] : append.Changes.Select(c => new StanceCell(c.MemberAlpha3, c.ProposalSlug)), append.Author);
        }

        return summary;
    }

    /// <summary>
    /// Marks an earlier entry as retracted: pictures skip it from now on, the audit trail keeps it.
    /// Like a save, it is refused on top of a cell version the editor never saw.
    /// </summary>
    public async Task<StanceRetraction> RetractAsync(string author, long stanceChangeId, string reason, Guid? expectedVersion, CancellationToken cancellationToken = default)
    {
        StanceRetraction retraction;
        StanceCell? conflict;
        StanceCell target;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var entry = await db.StanceChanges.AsNoTracking()
                .Where(c => c.Id == stanceChangeId)
                .Select(c => new { c.MemberAlpha3, c.ProposalId, c.Proposal!.Slug, Retracted = db.Retractions.Any(r => r.StanceChangeId == c.Id) })
                .SingleOrDefaultAsync(cancellationToken);
            var problems = new FieldProblems();
            problems.Add("reason", StanceRules.CheckRetractionReason(reason));
            problems.Add("stanceChange", entry is null ? $"There is no stance change {stanceChangeId}."
                : entry.Retracted ? "That entry is already retracted." : null);
            problems.ThrowIfAny();

            target = new StanceCell(entry!.MemberAlpha3, entry.Slug);
            retraction = new StanceRetraction
            {
                StanceChangeId = stanceChangeId,
                Reason = reason.Trim(),
                RecordedAtUtc = clock.GetUtcNow().UtcDateTime,
                RecordedBy = author,
            };
            db.Retractions.Add(retraction);
            var cells = new[] { new CellKey(entry.MemberAlpha3, entry.ProposalId, entry.Slug, expectedVersion) };
            var (versions, moved) = await MoveVersionsAsync(db, cells, checksVersions: true, cancellationToken);
            conflict = moved ? await SaveAsync(db, transaction, cells[0].Cell, cancellationToken) : versions.Conflict;
        }

        if (conflict is { } cell)
        {
            throw await ConflictAsync(cell, cancellationToken);
        }

        await AnnounceAsync([target], author);
        return retraction;
    }

    /// <summary>
    /// Records a summit's decision on a proposal with the evidence that reports it, adding the new
    /// sources it cites. From its decision date the decision, not the members' count, is the
    /// proposal's status. Decisions are dated entries: the latest one on a date wins, and a wrong
    /// one is retracted, so there is no version to check.
    /// </summary>
    /// <exception cref="EditValidationException">A rule is broken; nothing was written.</exception>
    public async Task<ProposalOutcomeRecord> RecordDecisionAsync(string author, string proposalSlug, DecisionInput input, CancellationToken cancellationToken = default)
    {
        ProposalOutcomeRecord entry;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var proposal = await db.Proposals.AsNoTracking().SingleOrDefaultAsync(p => p.Slug == proposalSlug, cancellationToken);
            var problems = new FieldProblems();
            problems.Add("proposal", proposal is null ? $"There is no proposal '{proposalSlug}'." : null);
            problems.Add(DecisionRules.Check(input, proposalSlug, Today));
            if (proposal is { TabledOnIsApproximate: false, TabledOn: { } tabled } && input.DecidedOn < tabled)
            {
                problems.Add("decidedOn", $"The decision date {input.DecidedOn.ToIso()} is before the proposal was tabled ({tabled.ToIso()}).");
            }

            var keys = input.Evidence.Where(e => e.NewSource is null).Select(e => e.SourceKey ?? "").Distinct().ToList();
            var sources = await db.Sources.Where(s => keys.Contains(s.Key)).ToDictionaryAsync(s => s.Key, StringComparer.Ordinal, cancellationToken);
            for (var i = 0; i < input.Evidence.Count; i++)
            {
                var key = input.Evidence[i].SourceKey;
                if (input.Evidence[i].NewSource is null && !string.IsNullOrWhiteSpace(key) && !sources.ContainsKey(key))
                {
                    problems.Add($"evidence[{i}].source", $"There is no source with the key '{key}'; pick one or add a new source.");
                }
            }

            int? replacedById = null;
            if (input.Outcome == ProposalOutcome.Replaced && !string.IsNullOrWhiteSpace(input.ReplacedBy) && input.ReplacedBy != proposalSlug)
            {
                replacedById = await db.Proposals.Where(p => p.Slug == input.ReplacedBy).Select(p => (int?)p.Id).SingleOrDefaultAsync(cancellationToken);
                problems.Add("replacedBy", replacedById is null ? $"There is no proposal '{input.ReplacedBy}'; add the replacing proposal first." : null);
            }

            problems.ThrowIfAny();

            var evidence = input.Evidence.Select(e => new DecisionEvidence
            {
                Source = e.NewSource is { } added ? added.ToSource(SourceKeys.New(added)) : sources[e.SourceKey!],
                Excerpt = e.Excerpt.Trim(),
            }).ToList();
            entry = new ProposalOutcomeRecord
            {
                ProposalId = proposal!.Id,
                Outcome = input.Outcome,
                DecidedOn = input.DecidedOn,
                Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim(),
                ReplacedByProposalId = replacedById,
                Source = evidence[0].Source,
                Evidence = evidence,
                RecordedAtUtc = clock.GetUtcNow().UtcDateTime,
                RecordedBy = author,
            };
            db.ProposalOutcomes.Add(entry);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        // A decision changes the proposal's status on every page, not one cell.
        await AnnounceAsync([], author);
        return entry;
    }

    /// <summary>
    /// Appends a revision of a proposal's texts: a correction for every date, or a change in force
    /// from a date. Views of a date read the revision in force then; the proposal's row takes the
    /// one in force today.
    /// </summary>
    /// <exception cref="EditValidationException">A rule is broken; nothing was written.</exception>
    public async Task<ProposalRevision> ReviseProposalAsync(string author, string proposalSlug, ProposalTextsInput input, CancellationToken cancellationToken = default)
    {
        ProposalRevision revision;
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
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await AnnounceAsync([], author);
        return revision;
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
    public async Task<Source> CorrectSourceAsync(string author, string key, SourceInput input, string reason, CancellationToken cancellationToken = default)
    {
        Source source;
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
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await AnnounceAsync([], author);
        return source;

        static string Describe(Source s) =>
            string.Join(" · ", new[]
            {
                s.Title, s.Outlet, s.PublishedOn is { } on ? $"{(s.PublishedOnIsApproximate ? "c. " : "")}{on.ToIso()}" : "undated",
                SourceKindCodes.ToCode(s.Kind), s.Url ?? "no URL",
            });
    }

    /// <summary>Marks a wrong decision entry as retracted: pictures skip it from now on, the audit trail keeps it.</summary>
    /// <exception cref="EditValidationException">There is no such decision, or it is retracted already; nothing was written.</exception>
    public async Task<DecisionRetraction> RetractDecisionAsync(string author, string proposalSlug, long decisionId, string reason, CancellationToken cancellationToken = default)
    {
        DecisionRetraction retraction;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var decision = await db.ProposalOutcomes.AsNoTracking()
                .Where(o => o.Id == decisionId && o.Proposal!.Slug == proposalSlug)
                .Select(o => new { Retracted = db.DecisionRetractions.Any(r => r.DecisionId == o.Id) })
                .SingleOrDefaultAsync(cancellationToken);
            var problems = new FieldProblems();
            problems.Add("reason", StanceRules.CheckRetractionReason(reason));
            problems.Add("decision", decision is null ? $"There is no decision {decisionId} on '{proposalSlug}'."
                : decision.Retracted ? "That decision is already retracted." : null);
            problems.ThrowIfAny();

            retraction = new DecisionRetraction
            {
                DecisionId = decisionId,
                Reason = reason.Trim(),
                RecordedAtUtc = clock.GetUtcNow().UtcDateTime,
                RecordedBy = author,
            };
            db.DecisionRetractions.Add(retraction);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await AnnounceAsync([], author);
        return retraction;
    }

    /// <summary>
    /// Gives every touched cell a new version (one per cell, however many entries it gets). With
    /// <paramref name="checksVersions"/>, a cell whose version is not the one the writer saw is a
    /// conflict and nothing moves.
    /// </summary>
    private static async Task<(CellVersions Versions, bool Moved)> MoveVersionsAsync(
        AllianceDbContext db, IReadOnlyList<CellKey> cells, bool checksVersions, CancellationToken cancellationToken)
    {
        var members = cells.Select(c => c.MemberAlpha3).Distinct().ToList();
        var proposals = cells.Select(c => c.ProposalId).Distinct().ToList();
        var rows = (await db.CellVersions
                .Where(v => members.Contains(v.MemberAlpha3) && proposals.Contains(v.ProposalId))
                .ToListAsync(cancellationToken))
            .ToDictionary(v => (v.MemberAlpha3, v.ProposalId));

        if (checksVersions && cells.FirstOrDefault(c => rows.GetValueOrDefault((c.MemberAlpha3, c.ProposalId))?.Version != c.ExpectedVersion) is { } stale)
        {
            return (new CellVersions(new Dictionary<StanceCell, Guid>(), stale.Cell), false);
        }

        var moved = new Dictionary<StanceCell, Guid>();
        foreach (var cell in cells.DistinctBy(c => c.Cell))
        {
            var version = Guid.NewGuid();
            moved[cell.Cell] = version;
            if (rows.TryGetValue((cell.MemberAlpha3, cell.ProposalId), out var row))
            {
                row.Version = version;
            }
            else
            {
                db.CellVersions.Add(new StanceCellVersion { MemberAlpha3 = cell.MemberAlpha3, ProposalId = cell.ProposalId, Version = version });
            }
        }

        return (new CellVersions(moved, null), true);
    }

    /// <summary>Saves and commits; returns the cell that lost a race instead, with nothing written.</summary>
    private static async Task<StanceCell?> SaveAsync(AllianceDbContext db, IDbContextTransaction transaction, StanceCell? firstCell, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (firstCell is not null)
        {
            // Another save moved a version between our check and our write (the concurrency token
            // matched no row), or created a cell's first version at the same time (its key exists).
            return firstCell;
        }

        await transaction.CommitAsync(cancellationToken);
        return null;
    }

    private async Task<StanceConflictException> ConflictAsync(StanceCell cell, CancellationToken cancellationToken) =>
        new(cell.MemberAlpha3, cell.ProposalSlug, await history.ReadCellAsync(cell.MemberAlpha3, cell.ProposalSlug, cancellationToken));

    // After the commit, never before: nothing is announced that was not saved.
    private Task AnnounceAsync(IEnumerable<StanceCell> cells, string author) =>
        notifier.PublishAsync(new StanceChangeNotice(cells.Distinct().ToList(), Origin: author));

    private sealed record CellKey(string MemberAlpha3, int ProposalId, string ProposalSlug, Guid? ExpectedVersion)
    {
        public StanceCell Cell => new(MemberAlpha3, ProposalSlug);
    }

    private sealed record CellVersions(IReadOnlyDictionary<StanceCell, Guid> New, StanceCell? Conflict);
}
