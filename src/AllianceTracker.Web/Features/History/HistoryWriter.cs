using AllianceTracker.Web.Data;
using AllianceTracker.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace AllianceTracker.Web.Features.History;

/// <summary>
/// The history's writes by name, for the feature services (which authorize their callers first):
/// each builds one kind of write (Ledger/) and hands it to the one write method,
/// <see cref="HistoryLedger.WriteAsync{TResult}"/>. This service trusts the author it is given.
/// </summary>
public sealed class HistoryWriter(
    HistoryLedger ledger,
    StanceHistoryReader history,
    HistoryVersions versions,
    IDbContextFactory<AllianceDbContext> dbFactory,
    TimeProvider clock)
{
    /// <summary>The writer over <paramref name="database"/>, for tools that write without the app's host (the load harness, benchmarks, tests).</summary>
    public static HistoryWriter Over(IDbContextFactory<AllianceDbContext> database, TimeProvider clock, IStanceChangeNotifier notifier) =>
        new(new HistoryLedger(database, clock, notifier), new StanceHistoryReader(database, new AuthorDirectory(database)), new HistoryVersions(database), database, clock);

    /// <summary>Judges the append as <see cref="AppendAsync"/> would, and writes nothing.</summary>
    public async Task<AppendCheck> CheckAsync(HistoryAppend append, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return (await AppendResolution.ResolveAsync(db, append, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), cancellationToken)).Check;
    }

    /// <inheritdoc cref="AppendStances"/>
    public Task<AppendSummary> AppendAsync(HistoryAppend append, CancellationToken cancellationToken = default) =>
        ledger.WriteAsync(append.Author, new AppendStances(append, history), cancellationToken);

    /// <inheritdoc cref="RetractStance"/>
    public Task<StanceRetraction> RetractAsync(string author, long stanceChangeId, string reason, Guid? expectedVersion, CancellationToken cancellationToken = default) =>
        ledger.WriteAsync(author, new RetractStance(stanceChangeId, reason, expectedVersion, history), cancellationToken);

    /// <inheritdoc cref="RecordDecision"/>
    public Task<SummitDecision> RecordDecisionAsync(string author, string proposalSlug, DecisionInput input, Guid? expectedVersion = null, CancellationToken cancellationToken = default) =>
        ledger.WriteAsync(author, new RecordDecision(proposalSlug, input, expectedVersion, versions), cancellationToken);

    /// <inheritdoc cref="RetractDecision"/>
    public Task<DecisionRetraction> RetractDecisionAsync(string author, string proposalSlug, long decisionId, string reason, Guid? expectedVersion = null, CancellationToken cancellationToken = default) =>
        ledger.WriteAsync(author, new RetractDecision(proposalSlug, decisionId, reason, expectedVersion, versions), cancellationToken);

    /// <inheritdoc cref="ReviseProposal"/>
    public Task<ProposalRevision> ReviseProposalAsync(string author, string proposalSlug, ProposalTextsInput input, Guid? expectedVersion = null, CancellationToken cancellationToken = default) =>
        ledger.WriteAsync(author, new ReviseProposal(proposalSlug, input, expectedVersion, versions), cancellationToken);

    /// <inheritdoc cref="AddSource"/>
    public Task<Source> AddSourceAsync(string author, SourceInput input, CancellationToken cancellationToken = default) =>
        ledger.WriteAsync(author, new AddSource(input), cancellationToken);

    /// <inheritdoc cref="CorrectSource"/>
    public Task<Source> CorrectSourceAsync(string author, string key, SourceInput input, string reason, Guid? expectedVersion = null, CancellationToken cancellationToken = default) =>
        ledger.WriteAsync(author, new CorrectSource(key, input, reason, expectedVersion, versions), cancellationToken);

    /// <inheritdoc cref="AddSummit"/>
    public Task<Summit> AddSummitAsync(string author, SummitInput input, CancellationToken cancellationToken = default) =>
        ledger.WriteAsync(author, new AddSummit(input), cancellationToken);

    /// <inheritdoc cref="AddAlias"/>
    public Task<ProposalAlias> AddAliasAsync(string author, string slug, string? phrase, CancellationToken cancellationToken = default) =>
        ledger.WriteAsync(author, new AddAlias(slug, phrase), cancellationToken);

    /// <inheritdoc cref="RemoveAlias"/>
    public Task<ProposalAlias> RemoveAliasAsync(string author, string slug, long aliasId, CancellationToken cancellationToken = default) =>
        ledger.WriteAsync(author, new RemoveAlias(slug, aliasId), cancellationToken);

    /// <inheritdoc cref="SeedProposalAliases"/>
    public Task<int> SeedAliasesAsync(string author, IReadOnlyDictionary<string, IReadOnlyList<string>> aliases, CancellationToken cancellationToken = default) =>
        ledger.WriteAsync(author, new SeedProposalAliases(aliases), cancellationToken);
}
