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
