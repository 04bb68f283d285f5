using Microsoft.EntityFrameworkCore;

// A deliberate breach of the one-write-path rule, for the test that shows the rule catching it:
// a "feature" that saves on its own instead of through the ledger.
namespace AllianceTracker.Tests.Architecture.SaveFixture.Features.Elsewhere
{
    public sealed class SavesOnItsOwn(DbContext db)
    {
        public Task<int> WriteAsync() => db.SaveChangesAsync();
    }
}

namespace AllianceTracker.Tests.Architecture.SaveFixture.Features.History
{
    public sealed class HistoryLedger(DbContext db)
    {
        public Task<int> WriteAsync() => db.SaveChangesAsync();
    }
}
