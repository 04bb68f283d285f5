using AllianceTracker.Web.Data;

namespace AllianceTracker.Web.Features.History;

/// <summary>The open context, the time the write is recorded at, today, and who writes (trusted: the caller authorized them).</summary>
public sealed record LedgerContext(AllianceDbContext Db, DateTime RecordedAtUtc, DateOnly Today, string Author);
