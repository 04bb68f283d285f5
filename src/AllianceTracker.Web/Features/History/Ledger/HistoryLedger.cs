using AllianceTracker.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AllianceTracker.Web.Features.History;

/// <summary>
/// The one way into the history (ADR 0009): whoever writes — an editor, the seed import, a dataset
/// import, the news assist — every kind of write goes through <see cref="WriteAsync{TResult}"/>,
/// which opens a short-lived context and a transaction, applies the write, enlists its notice in the
/// transaction (so on PostgreSQL it is announced if and only if it commits), saves, commits, and
/// then publishes the notice without waiting for any reader. The only SaveChanges of the history is
/// here (an architecture test keeps it so).
/// </summary>
public sealed class HistoryLedger(IDbContextFactory<AllianceDbContext> dbFactory, TimeProvider clock, IStanceChangeNotifier notifier, HistoryMetrics? metrics = null)
{
    /// <exception cref="Domain.EditValidationException">A rule is broken; nothing was written (and the write kinds name their own refusals).</exception>
    public async Task<TResult> WriteAsync<TResult>(string author, ILedgerWrite<TResult> write, CancellationToken cancellationToken = default)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var outcome = HistoryMetrics.Failed;
        try
        {
            (TResult Result, bool Changed) written;
            try
            {
                written = await WriteOnceAsync(author, write, cancellationToken);
            }
            catch (Exception ex) when (DatabaseFaults.IsReadOnly(ex))
            {
                // A pooled SQLite connection opened while the files were read-only stays read-only
                // (SqliteReadOnlyRecovery has just cleared the pool): nothing was written, so once
                // more on a fresh connection. Files still read-only fail again, and pass on as 503.
                written = await WriteOnceAsync(author, write, cancellationToken);
            }

            var (result, changed) = written;
            outcome = changed ? HistoryMetrics.Saved : HistoryMetrics.Refused;
            return result;
        }
        catch (Domain.EditValidationException)
        {
            outcome = HistoryMetrics.Refused;
            throw;
        }
        catch (Exception ex) when (ex is StanceConflictException or VersionConflictException)
        {
            outcome = HistoryMetrics.Conflict;
            throw;
        }
        finally
        {
            metrics?.Record(outcome, System.Diagnostics.Stopwatch.GetElapsedTime(started), cancellationToken.IsCancellationRequested);
        }
    }

    /// <summary>The write, and whether it changed anything.</summary>
    private async Task<(TResult Result, bool Changed)> WriteOnceAsync<TResult>(string author, ILedgerWrite<TResult> write, CancellationToken cancellationToken)
    {
        LedgerStep<TResult> step;
        StanceChangeNotice notice;
        var lostRace = false;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            step = await write.ApplyAsync(new LedgerContext(db, now, DateOnly.FromDateTime(now), author), cancellationToken);
            notice = new StanceChangeNotice(step.Cells.Distinct().ToList());
            if (step.Conflicted || !step.ChangedSomething)
            {
                lostRace = step.Conflicted;
            }
            else
            {
                if (step.Shown)
                {
                    await notifier.EnlistAsync(db, notice, cancellationToken);
                }

                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                }
                catch (DbUpdateException ex) when (step.Conflict is not null && !DatabaseFaults.IsUnavailable(ex))
                {
                    // Another write moved a version (or made a cell's first one) between this one's
                    // check and its save. A database that cannot take the write (busy, read-only,
                    // full) is not a lost race: it passes on as the fault it is (503).
                    lostRace = true;
                }
            }
        }

        if (lostRace)
        {
            throw await step.Conflict!();
        }

        if (step.ChangedSomething && step.Shown)
        {
            await notifier.PublishAsync(notice);
        }

        return (step.Result, step.ChangedSomething);
    }

    /// <summary>
    /// Saves what a write has added so far inside the open transaction, for a write whose later rows
    /// need the earlier ones' ids (an import's new proposals before their cells' versions).
    /// </summary>
    public static Task SaveSoFarAsync(LedgerContext context, CancellationToken cancellationToken) => context.Db.SaveChangesAsync(cancellationToken);
}
