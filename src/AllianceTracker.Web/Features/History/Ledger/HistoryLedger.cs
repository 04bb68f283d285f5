using AllianceTracker.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AllianceTracker.Web.Features.History;

/// <summary>
/// What one kind of write does inside the ledger's transaction: check what it is given (throwing
/// the refusal that names what is wrong), add its rows, and say which cells it touched. Each kind
/// is a small class in this folder; none opens a context, a transaction or announces anything.
/// </summary>
public interface ILedgerWrite<TResult>
{
    Task<LedgerStep<TResult>> ApplyAsync(LedgerContext context, CancellationToken cancellationToken);
}

/// <summary>The open context, the time the write is recorded at, today, and who writes (trusted: the caller authorized them).</summary>
public sealed record LedgerContext(AllianceDbContext Db, DateTime RecordedAtUtc, DateOnly Today, string Author);

/// <summary>
/// What a write did: its result; the cells it touched (empty: anything may have changed — a new
/// proposal, summit or decision changes every picture); whether it changed anything at all (an
/// import of what is already there does not, and is not announced); and the conflict to report
/// when another write came first — found by the write's own check (<see cref="Conflicted"/>) or by
/// the save losing a race on a concurrency token. The conflict is built after the transaction is
/// rolled back, so it may read what is saved now.
/// </summary>
public sealed record LedgerStep<TResult>(TResult Result, IReadOnlyList<StanceCell> Cells)
{
    public bool ChangedSomething { get; init; } = true;

    /// <summary>
    /// False for a write no page or picture shows (a proposal's aliases, which only the news assist
    /// reads as it reads): saved like any other, announced to nobody. Every other write is announced.
    /// </summary>
    public bool Shown { get; init; } = true;

    /// <summary>Another write moved what this one was read at: nothing is saved, <see cref="Conflict"/> is thrown.</summary>
    public bool Conflicted { get; init; }

    public Func<Task<Exception>>? Conflict { get; init; }
}

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
            var (result, changed) = await WriteOnceAsync(author, write, cancellationToken);
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
